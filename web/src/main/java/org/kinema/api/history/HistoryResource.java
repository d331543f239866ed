package org.kinema.api.history;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.platform.JsonMapper;
import org.kinema.api.platform.ListResponse;
import org.kinema.api.platform.Paging;
import org.kinema.api.video.VideoJson;
import org.kinema.api.video.VideoViews;
import org.kinema.history.HistoryService;
import org.kinema.platform.DomainException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code /users/me/history/videos}: the caller's watched videos, last first, each with PeerTube's
 * {@code userHistory}; one removed; all removed, or those watched before {@code beforeDate} (sent
 * as JSON, a plain form or a multipart form, as PeerTube's clients do).
 */
@Path("users/me/history/videos")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    @Inject
    private HistoryService history;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private VideoViews videoViews;

    @GET
    public ListResponse<Map<String, Object>> list(@QueryParam("start") String start, @QueryParam("count") String count,
                                                  @QueryParam("search") String search) {
        VideoJson json = videoViews.json();
        return ListResponse.of(history.list(currentUser.require(), search, Paging.page(start, count, null)),
                watched -> json.withHistory(json.summary(watched.video()), watched.positionSeconds()));
    }

    @DELETE
    @Path("{videoId}")
    public Response forget(@PathParam("videoId") String videoId) {
        history.forget(currentUser.require(), Paging.id(videoId));
        return Response.noContent().build();
    }

    @POST
    @Path("remove")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response forgetBefore(InputStream body) throws IOException {
        String text = new String(body.readNBytes(4096), StandardCharsets.UTF_8);
        JsonNode json = text.isBlank() ? null : JsonMapper.mapper().readTree(text);
        if (json != null && !json.isObject()) {
            throw DomainException.invalid("The request body must be a JSON object");
        }
        return forgetBefore(json == null || json.path("beforeDate").isNull() ? null : json.path("beforeDate").asText(null));
    }

    @POST
    @Path("remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response forgetBeforeForm(@FormParam("beforeDate") String beforeDate) {
        return forgetBefore(beforeDate);
    }

    @POST
    @Path("remove")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response forgetBeforeMultipart(List<EntityPart> parts) throws IOException {
        String beforeDate = null;
        for (EntityPart part : parts) {
            if (part.getName().equals("beforeDate")) {
                beforeDate = new String(part.getContent().readNBytes(100), StandardCharsets.UTF_8);
            }
        }
        return forgetBefore(beforeDate);
    }

    private Response forgetBefore(String beforeDate) {
        history.forgetBefore(currentUser.require(), date(beforeDate));
        return Response.noContent().build();
    }

    private static OffsetDateTime date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("beforeDate must be a date and time, e.g. 2024-05-01T09:30:00.000Z");
        }
    }
}
