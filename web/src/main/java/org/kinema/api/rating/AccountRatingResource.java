package org.kinema.api.rating;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.platform.ListResponse;
import org.kinema.api.platform.Paging;
import org.kinema.api.video.VideoJson;
import org.kinema.api.video.VideoViews;
import org.kinema.platform.DomainException;
import org.kinema.rating.RatingService;
import org.kinema.rating.RatingType;

import java.time.OffsetDateTime;
import java.util.Map;

/** {@code GET /accounts/{name}/ratings}: an account's ratings, for its owner, optionally only likes or dislikes. */
@Path("accounts/{name}/ratings")
@Produces(MediaType.APPLICATION_JSON)
public class AccountRatingResource {

    @Inject
    private RatingService ratings;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private VideoViews videoViews;

    /** PeerTube's {@code VideoRating}. */
    public record AccountRating(Map<String, Object> video, String rating, OffsetDateTime createdAt) {
    }

    @GET
    public ListResponse<AccountRating> list(@PathParam("name") String name, @QueryParam("rating") String rating,
                                            @QueryParam("start") String start, @QueryParam("count") String count,
                                            @QueryParam("sort") String sort) {
        VideoJson json = videoViews.json();
        return ListResponse.of(ratings.listOf(currentUser.require(), name, type(rating), Paging.page(start, count, sort)),
                rated -> new AccountRating(json.summary(rated.video()), rated.type().label(), rated.createdAt()));
    }

    private static RatingType type(String rating) {
        if (rating == null || rating.isBlank()) {
            return null;
        }
        RatingType type = RatingType.of(rating);
        if (type == RatingType.NONE) {
            throw DomainException.invalid("rating must be like or dislike");
        }
        return type;
    }
}
