package org.kinema.api.channel;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.kinema.channel.ChannelService;
import org.kinema.channel.VideoChannel;
import org.kinema.platform.KinemaSettings;
import org.kinema.video.VideoService;

import java.util.Map;

/** {@code /video-channels} and {@code /video-channels/{handle}}. */
@Path("video-channels")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelResource {

    @Inject
    private ChannelService channels;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private KinemaSettings settings;

    @Inject
    private VideoService videos;

    @Inject
    private VideoViews videoViews;

    public record ChannelCreate(@NotNull @Size(min = 1, max = 50) @Pattern(regexp = "^[a-zA-Z0-9\\-_.:]+$") String name,
                                @NotNull @Size(min = 1, max = 120) String displayName,
                                @Size(min = 3, max = 1000) String description,
                                @Size(min = 3, max = 1000) String support) {
    }

    public record ChannelUpdate(@Size(min = 1, max = 120) String displayName,
                                @Size(min = 3, max = 1000) String description,
                                @Size(min = 3, max = 1000) String support,
                                Boolean bulkVideosSupportUpdate) {
    }

    @GET
    public ListResponse<ChannelJson> list(@QueryParam("start") String start, @QueryParam("count") String count,
                                          @QueryParam("sort") String sort) {
        String host = settings.host();
        return ListResponse.of(channels.list(Paging.page(start, count, sort)), channel -> ChannelJson.of(channel, host));
    }

    /** PeerTube answers {@code {"videoChannel": {"id": …}}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> open(@NotNull @Valid ChannelCreate body) {
        VideoChannel channel = channels.open(currentUser.require(), body.name(), body.displayName(), body.description(),
                body.support());
        return Map.of("videoChannel", Map.of("id", channel.id()));
    }

    @GET
    @Path("{handle}")
    public ChannelJson get(@PathParam("handle") String handle) {
        return ChannelJson.of(channels.get(handle), settings.host());
    }

    @GET
    @Path("{handle}/videos")
    public ListResponse<Map<String, Object>> videos(@PathParam("handle") String handle, @QueryParam("start") String start,
                                                    @QueryParam("count") String count, @QueryParam("sort") String sort) {
        return videoViews.page(videos.listOfChannel(handle, Paging.page(start, count, sort)));
    }

    @PUT
    @Path("{handle}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response describe(@PathParam("handle") String handle, @NotNull @Valid ChannelUpdate body) {
        channels.describe(currentUser.require(), handle, body.displayName(), body.description(), body.support());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{handle}")
    public Response close(@PathParam("handle") String handle) {
        channels.close(currentUser.require(), handle);
        return Response.noContent().build();
    }
}
