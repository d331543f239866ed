package org.kinema.api.notification;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kinema.api.platform.CurrentUser;
import org.kinema.notification.NotificationService;

import java.util.Map;

/**
 * {@code /users/me/notification-settings}: PeerTube's settings by name, each 0 (none), 1 (web),
 * 2 (e-mail) or 3 (both); settings left out stay as they are, names PeerTube does not have are ignored.
 */
@Path("users/me/notification-settings")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationSettingsResource {

    @Inject
    private NotificationService notifications;

    @Inject
    private CurrentUser currentUser;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@NotNull Map<String, Integer> settings) {
        notifications.changeSettings(currentUser.require(), settings);
        return Response.noContent().build();
    }
}
