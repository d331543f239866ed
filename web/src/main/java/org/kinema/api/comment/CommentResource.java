package org.kinema.api.comment;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.platform.Paging;
import org.kinema.api.video.VideoResource;
import org.kinema.comment.CommentService;
import org.kinema.platform.KinemaSettings;

/** {@code /videos/{id}/comments/{commentId}}: a reply, a deletion, an approval. */
@Path("videos/{id}/comments")
@Produces(MediaType.APPLICATION_JSON)
public class CommentResource {

    @Inject
    private CommentService comments;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private KinemaSettings settings;

    @POST
    @Path("{commentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CommentShapes.Posted reply(@PathParam("id") String id, @PathParam("commentId") String commentId,
                                      @NotNull @Valid CommentThreadResource.CommentBody body,
                                      @HeaderParam(VideoResource.PASSWORD_HEADER) String password) {
        return new CommentShapes.Posted(CommentJson.of(comments.reply(currentUser.require(), id, password, Paging.id(commentId),
                body.text()),
                settings.host()));
    }

    @DELETE
    @Path("{commentId}")
    public Response delete(@PathParam("id") String id, @PathParam("commentId") String commentId) {
        comments.delete(currentUser.require(), id, Paging.id(commentId));
        return Response.noContent().build();
    }

    @POST
    @Path("{commentId}/approve")
    public Response approve(@PathParam("id") String id, @PathParam("commentId") String commentId) {
        comments.approve(currentUser.require(), id, Paging.id(commentId));
        return Response.noContent().build();
    }
}
