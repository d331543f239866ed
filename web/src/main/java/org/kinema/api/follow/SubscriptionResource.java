package org.kinema.api.follow;

import jakarta.inject.Inject;
import org.kinema.account.Caller;
import org.kinema.activitypub.RemoteFetcher;
import org.kinema.activitypub.RemoteObjects;
import org.kinema.actor.ActorHandle;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kinema.api.actor.ChannelJson;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.platform.ListResponse;
import org.kinema.api.platform.Paging;
import org.kinema.api.video.VideoViews;
import org.kinema.follow.SubscriptionService;
import org.kinema.platform.DomainException;
import org.kinema.platform.KinemaSettings;

import java.util.List;
import java.util.Map;

/** {@code /users/me/subscriptions}: subscribing, the channels subscribed to, and their videos. */
@Path("users/me/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    /** PeerTube's body: the channel's handle, {@code name@host}. */
    public record Subscribe(@NotNull String uri) {
    }

    @Inject
    private SubscriptionService subscriptions;

    @Inject
    private RemoteObjects remote;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private KinemaSettings settings;

    @Inject
    private VideoViews videoViews;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response subscribe(@NotNull @Valid Subscribe body) {
        Caller caller = currentUser.require();
        ActorHandle handle = body.uri().matches("[^@\\s]{1,50}@[a-zA-Z0-9.\\-]{1,255}(:\\d{1,5})?")
                ? ActorHandle.parse(body.uri().trim(), settings.host()) : null;
        if (handle != null && handle.host() != null && !handle.host().equalsIgnoreCase(settings.host())) {
            try {
                remote.channel(handle.name(), handle.host());
            } catch (RemoteFetcher.Refused e) {
                throw DomainException.notFound("Video channel " + body.uri() + " not found: " + e.getMessage());
            }
        }
        subscriptions.subscribe(caller, body.uri());
        return Response.noContent().build();
    }

    @GET
    public ListResponse<ChannelJson> list(@QueryParam("start") String start, @QueryParam("count") String count,
                                          @QueryParam("sort") String sort) {
        String host = settings.host();
        return ListResponse.of(subscriptions.subscriptions(currentUser.require(), Paging.page(start, count, sort)),
                channel -> ChannelJson.of(channel, host));
    }

    /** PeerTube's answer: each handle asked about, and whether it is subscribed to. */
    @GET
    @Path("exist")
    public Map<String, Boolean> exist(@QueryParam("uris") List<String> uris) {
        List<String> handles = uris.stream().flatMap(uri -> List.of(uri.split(",")).stream())
                .filter(uri -> !uri.isBlank()).toList();
        if (handles.isEmpty()) {
            throw DomainException.invalid("uris must name at least one channel handle");
        }
        return subscriptions.exist(currentUser.require(), handles);
    }

    @GET
    @Path("videos")
    public ListResponse<Map<String, Object>> videos(@QueryParam("start") String start, @QueryParam("count") String count,
                                                    @QueryParam("sort") String sort) {
        return videoViews.page(subscriptions.videos(currentUser.require(), Paging.page(start, count, sort)));
    }

    @GET
    @Path("{subscriptionHandle}")
    public ChannelJson subscription(@PathParam("subscriptionHandle") String handle) {
        return ChannelJson.of(subscriptions.subscribed(currentUser.require(), handle), settings.host());
    }

    @DELETE
    @Path("{subscriptionHandle}")
    public Response unsubscribe(@PathParam("subscriptionHandle") String handle) {
        subscriptions.unsubscribe(currentUser.require(), handle);
        return Response.noContent().build();
    }
}
