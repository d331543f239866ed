package org.kinema.api.rating;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.video.VideoResource;
import org.kinema.rating.RatingService;

/** {@code GET /users/me/videos/{videoId}/rating}: the caller's rating of a video. */
@Path("users/me/videos/{videoId}/rating")
@Produces(MediaType.APPLICATION_JSON)
public class MyRatingResource {

    @Inject
    private RatingService ratings;

    @Inject
    private CurrentUser currentUser;

    /** PeerTube's {@code {"videoId", "rating"}} (its reference names the id {@code id}: both are given). */
    public record MyRating(long id, long videoId, String rating) {
    }

    @GET
    public MyRating get(@PathParam("videoId") String videoId, @HeaderParam(VideoResource.PASSWORD_HEADER) String password) {
        RatingService.RatedVideo rated = ratings.ratingOf(currentUser.require(), videoId, password);
        return new MyRating(rated.video().id(), rated.video().id(), rated.type().label());
    }
}
