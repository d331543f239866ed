package org.kinema.api.notification;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.platform.ListResponse;
import org.kinema.api.platform.Paging;
import org.kinema.notification.NotificationService;
import org.kinema.platform.KinemaSettings;

import java.util.List;

/** {@code /users/me/notifications}: the caller's notifications, newest first, and marking them read. */
@Path("users/me/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    /** PeerTube's body: the ids of the notifications to mark read. */
    public record ReadIds(@NotNull @NotEmpty List<@NotNull Long> ids) {
    }

    @Inject
    private NotificationService notifications;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private KinemaSettings settings;

    @GET
    public ListResponse<NotificationJson> list(@QueryParam("unread") String unread, @QueryParam("start") String start,
                                               @QueryParam("count") String count, @QueryParam("sort") String sort) {
        String host = settings.host();
        return ListResponse.of(notifications.page(currentUser.require(), Boolean.TRUE.equals(Paging.bool("unread", unread)),
                Paging.page(start, count, sort)), view -> NotificationJson.of(view, host));
    }

    @POST
    @Path("read")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response read(@NotNull @Valid ReadIds body) {
        notifications.markRead(currentUser.require(), body.ids());
        return Response.noContent().build();
    }

    @POST
    @Path("read-all")
    public Response readAll() {
        notifications.markAllRead(currentUser.require());
        return Response.noContent().build();
    }
}
