package org.kinema.api.comment;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.platform.ListResponse;
import org.kinema.comment.CommentService;
import org.kinema.platform.KinemaSettings;

/** {@code /users/me/videos/comments}: the comments on the caller's videos, with PeerTube's filters. */
@Path("users/me/videos/comments")
@Produces(MediaType.APPLICATION_JSON)
public class MyVideoCommentsResource {

    @Inject
    private CommentService comments;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private KinemaSettings settings;

    @GET
    public ListResponse<CommentShapes.ForOwnerOrAdmin> list(@BeanParam CommentListResource.Query query) {
        String host = settings.host();
        return ListResponse.of(comments.listOnVideosOf(currentUser.require(), query.filter(), query.page()),
                item -> CommentShapes.ForOwnerOrAdmin.of(item, host));
    }
}
