package org.kinema.api.federation;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.kinema.account.Caller;
import org.kinema.activitypub.RemoteFetcher;
import org.kinema.activitypub.RemoteObjects;
import org.kinema.actor.Actor;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.platform.ListResponse;
import org.kinema.api.platform.Paging;
import org.kinema.federation.ServerFollows;
import org.kinema.follow.Follow;
import org.kinema.platform.DomainException;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/server/following} and {@code /server/followers}, as PeerTube has them: the
 * administrator follows other instances (their actor {@code peertube}, found by WebFinger), lists
 * whom the instance follows and who follows it, and stops following a host.
 */
@Path("server")
@Produces(MediaType.APPLICATION_JSON)
public class ServerFollowResource {

    private static final Pattern HOST = Pattern.compile("[a-zA-Z0-9.\\-]{1,255}(:\\d{1,5})?");

    /** PeerTube's body: the hosts to follow, {@code host} or {@code host:port}. */
    public record FollowHosts(@NotNull @Size(min = 1, max = 50) List<@NotNull String> hosts) {
    }

    /** One side of a follow, as PeerTube's ActorFollow shows it. */
    public record ActorJson(long id, String name, String host, String url, int followersCount, int followingCount,
                            OffsetDateTime createdAt) {
        static ActorJson of(Actor actor, String localHost) {
            return new ActorJson(actor.id(), actor.preferredUsername(), actor.isLocal() ? localHost : actor.host(), actor.url(),
                    actor.followersCount(), actor.followingCount(), actor.createdAt());
        }
    }

    /** PeerTube's ActorFollow. */
    public record FollowJson(long id, ActorJson follower, ActorJson following, int score, String state,
                             OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    @Inject
    private ServerFollows follows;

    @Inject
    private RemoteObjects remote;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private org.kinema.platform.KinemaSettings settings;

    @POST
    @Path("following")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response follow(@NotNull @Valid FollowHosts body) {
        Caller caller = currentUser.require();
        if (!caller.isAdministrator()) {
            throw DomainException.forbidden("Only administrators manage the instance's follows");
        }
        List<String> actors = new ArrayList<>();
        for (String host : body.hosts()) {
            if (!HOST.matcher(host).matches()) {
                throw DomainException.invalid("Not a host: " + host);
            }
            try {
                actors.add(remote.instanceActor(host));
            } catch (RemoteFetcher.Refused e) {
                throw DomainException.invalid("Cannot follow " + host + ": " + e.getMessage());
            }
        }
        actors.forEach(actor -> follows.follow(caller, actor));
        return Response.noContent().build();
    }

    @DELETE
    @Path("following/{host}")
    public Response unfollow(@PathParam("host") String host) {
        if (!HOST.matcher(host).matches()) {
            throw DomainException.invalid("Not a host: " + host);
        }
        follows.unfollow(currentUser.require(), host);
        return Response.noContent().build();
    }

    @GET
    @Path("following")
    public ListResponse<FollowJson> following(@QueryParam("start") String start, @QueryParam("count") String count) {
        return ListResponse.of(follows.following(currentUser.require(), Paging.page(start, count, null)), this::json);
    }

    @GET
    @Path("followers")
    public ListResponse<FollowJson> followers(@QueryParam("start") String start, @QueryParam("count") String count) {
        return ListResponse.of(follows.followers(currentUser.require(), Paging.page(start, count, null)), this::json);
    }

    private FollowJson json(Follow follow) {
        return new FollowJson(follow.id(), ActorJson.of(follow.follower(), settings.host()),
                ActorJson.of(follow.following(), settings.host()), 1000, follow.state().label(), follow.createdAt(),
                follow.updatedAt());
    }
}
