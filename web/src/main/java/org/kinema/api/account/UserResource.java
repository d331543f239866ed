package org.kinema.api.account;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.kinema.account.Account;
import org.kinema.account.Caller;
import org.kinema.account.NewUser;
import org.kinema.account.OwnChanges;
import org.kinema.account.UserChanges;
import org.kinema.account.UserRole;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.platform.ListResponse;
import org.kinema.api.platform.Paging;
import org.kinema.api.video.VideoViews;
import org.kinema.notification.NotificationService;
import org.kinema.platform.KinemaSettings;
import org.kinema.playlist.PlaylistService;
import org.kinema.user.UserDetails;
import org.kinema.user.UserService;
import org.kinema.video.QuotaUse;
import org.kinema.video.VideoService;

import java.util.Map;

/** {@code /users/me}, {@code /users/register} and the administration of users. */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    private UserService users;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private KinemaSettings settings;

    @Inject
    private VideoService videos;

    @Inject
    private VideoViews videoViews;

    @Inject
    private NotificationService notifications;

    /** PeerTube's scoped tokens: the caller's feed token, for the feed of their subscriptions. */
    @GET
    @Path("scoped-tokens")
    public Map<String, String> scopedTokens() {
        return Map.of("feedToken", users.feedToken(currentUser.require()));
    }

    /** A new feed token: feed readers given the old one lose the feed. */
    @POST
    @Path("scoped-tokens")
    public Map<String, String> renewScopedTokens() {
        return Map.of("feedToken", users.renewFeedToken(currentUser.require()));
    }

    @Inject
    private PlaylistService playlists;

    @GET
    @Path("me")
    public UserJson me() {
        Caller caller = currentUser.require();
        return json(users.me(caller)).withSpecialPlaylists(playlists.specialOf(caller).stream()
                .map(playlist -> new UserJson.SpecialPlaylist(playlist.id(), playlist.displayName(), playlist.type().id())).toList());
    }

    @PUT
    @Path("me")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changeMe(@NotNull @Valid UserRequests.UpdateMe body) {
        users.changeOwn(currentUser.require(), new OwnChanges(body.displayName(), body.description(), body.p2pEnabled(),
                body.autoPlayVideo(), body.nsfwPolicy(), body.currentPassword(), body.password(), body.email(),
                body.videosHistoryEnabled()));
        return Response.noContent().build();
    }

    @GET
    @Path("me/video-quota-used")
    public Map<String, Long> quotaUsed() {
        Caller caller = currentUser.require();
        QuotaUse used = users.quotaUsed(caller.userId());
        return Map.of("videoQuotaUsed", used.total(), "videoQuotaUsedDaily", used.daily());
    }

    @GET
    @Path("me/videos")
    public ListResponse<Map<String, Object>> myVideos(@QueryParam("start") String start, @QueryParam("count") String count,
                                                      @QueryParam("sort") String sort) {
        return videoViews.page(videos.listMine(currentUser.require(), Paging.page(start, count, sort == null ? "-createdAt" : sort)));
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@NotNull @Valid UserRequests.RegisterUser body) {
        UserRequests.ChannelBase channel = body.channel();
        users.register(new NewUser(body.username(), body.email(), body.password(), UserRole.USER, null, null,
                body.displayName(), channel == null ? null : channel.name(), channel == null ? null : channel.displayName()));
        return Response.noContent().build();
    }

    @GET
    public ListResponse<UserJson> list(@QueryParam("start") String start, @QueryParam("count") String count,
                                       @QueryParam("sort") String sort, @QueryParam("search") String search,
                                       @QueryParam("blocked") String blocked) {
        Caller caller = currentUser.require();
        return ListResponse.of(users.list(caller, search, Paging.bool("blocked", blocked), Paging.page(start, count, sort)),
                this::json);
    }

    /** PeerTube answers {@code {"user": {"id": …, "account": {"id": …}}}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> add(@NotNull @Valid UserRequests.AddUser body) {
        Account account = users.create(currentUser.require(), new NewUser(body.username(), body.email(), body.password(),
                UserRole.of(body.role()), body.videoQuota(), body.videoQuotaDaily(), null, body.channelName(), null));
        return Map.of("user", Map.of("id", account.userId(), "account", Map.of("id", account.id())));
    }

    @GET
    @Path("{id}")
    public UserJson get(@PathParam("id") String id) {
        return json(users.get(currentUser.require(), Paging.id(id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("id") String id, @NotNull @Valid UserRequests.UpdateUser body) {
        users.change(currentUser.require(), Paging.id(id), new UserChanges(body.email(), body.emailVerified(),
                body.videoQuota(), body.videoQuotaDaily(), body.role(), body.password()));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        users.delete(currentUser.require(), Paging.id(id));
        return Response.noContent().build();
    }

    private UserJson json(UserDetails user) {
        return UserJson.of(user, settings.host(), notifications.settings(user.user().id()));
    }
}
