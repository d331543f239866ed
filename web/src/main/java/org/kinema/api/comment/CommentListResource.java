package org.kinema.api.comment;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.platform.ListResponse;
import org.kinema.api.platform.Paging;
import org.kinema.comment.CommentFilter;
import org.kinema.comment.CommentService;
import org.kinema.platform.KinemaSettings;

/** {@code /videos/comments}: every comment of the instance, for administrators and moderators. */
@Path("videos/comments")
@Produces(MediaType.APPLICATION_JSON)
public class CommentListResource {

    /** PeerTube's filters of lists of comments, and the page asked for. */
    public static class Query {
        @QueryParam("start") String start;
        @QueryParam("count") String count;
        @QueryParam("sort") String sort;
        @QueryParam("search") String search;
        @QueryParam("searchAccount") String searchAccount;
        @QueryParam("searchVideo") String searchVideo;
        @QueryParam("videoId") String videoId;
        @QueryParam("videoChannelId") String videoChannelId;
        @QueryParam("isLocal") String isLocal;
        @QueryParam("onLocalVideo") String onLocalVideo;
        @QueryParam("isHeldForReview") String isHeldForReview;

        CommentFilter filter() {
            return new CommentFilter(search, searchAccount, searchVideo, id("videoId", videoId), id("videoChannelId", videoChannelId),
                    Paging.bool("isLocal", isLocal), Paging.bool("onLocalVideo", onLocalVideo),
                    Paging.bool("isHeldForReview", isHeldForReview));
        }

        org.kinema.platform.Page page() {
            return Paging.page(start, count, sort);
        }

        private static Long id(String name, String value) {
            Integer id = Paging.integer(name, value);
            return id == null ? null : id.longValue();
        }
    }

    @Inject
    private CommentService comments;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private KinemaSettings settings;

    @GET
    public ListResponse<CommentShapes.ForOwnerOrAdmin> list(@BeanParam Query query) {
        String host = settings.host();
        return ListResponse.of(comments.list(currentUser.require(), query.filter(), query.page()),
                item -> CommentShapes.ForOwnerOrAdmin.of(item, host));
    }
}
