package org.kinema.api.rating;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.video.VideoResource;
import org.kinema.rating.RatingService;
import org.kinema.rating.RatingType;

/** {@code PUT /videos/{id}/rate}: {@code {"rating": "like" | "dislike" | "none"}}. */
@Path("videos/{id}/rate")
@Produces(MediaType.APPLICATION_JSON)
public class RateResource {

    @Inject
    private RatingService ratings;

    @Inject
    private CurrentUser currentUser;

    public record Rate(@NotNull String rating) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rate(@PathParam("id") String id, @HeaderParam(VideoResource.PASSWORD_HEADER) String password,
                         @NotNull @Valid Rate body) {
        ratings.rate(currentUser.require(), id, password, RatingType.of(body.rating()));
        return Response.noContent().build();
    }
}
