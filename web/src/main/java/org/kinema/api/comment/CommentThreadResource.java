package org.kinema.api.comment;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.platform.Paging;
import org.kinema.api.video.VideoResource;
import org.kinema.comment.CommentService;
import org.kinema.platform.KinemaSettings;

/** {@code /videos/{id}/comment-threads}: a video's threads, a new thread, a whole thread. */
@Path("videos/{id}/comment-threads")
@Produces(MediaType.APPLICATION_JSON)
public class CommentThreadResource {

    /** What PeerTube takes to write a comment: its Markdown text. */
    public record CommentBody(@NotNull String text) {
    }

    @Inject
    private CommentService comments;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private KinemaSettings settings;

    @GET
    public CommentShapes.ThreadList threads(@PathParam("id") String id, @QueryParam("start") String start,
                                            @QueryParam("count") String count, @QueryParam("sort") String sort,
                                            @HeaderParam(VideoResource.PASSWORD_HEADER) String password) {
        return CommentShapes.ThreadList.of(comments.threads(currentUser.caller().orElse(null), id, password,
                Paging.page(start, count, sort)), settings.host());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public CommentShapes.Posted startThread(@PathParam("id") String id, @NotNull @Valid CommentBody body,
                                            @HeaderParam(VideoResource.PASSWORD_HEADER) String password) {
        return new CommentShapes.Posted(CommentJson.of(comments.startThread(currentUser.require(), id, password, body.text()),
                settings.host()));
    }

    @GET
    @Path("{threadId}")
    public CommentShapes.Tree thread(@PathParam("id") String id, @PathParam("threadId") String threadId,
                                     @HeaderParam(VideoResource.PASSWORD_HEADER) String password) {
        return CommentShapes.Tree.of(comments.thread(currentUser.caller().orElse(null), id, password, Paging.id(threadId)),
                settings.host());
    }
}
