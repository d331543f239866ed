package org.kinema.api.video;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.kinema.account.Caller;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.platform.ListResponse;
import org.kinema.api.platform.Paging;
import org.kinema.platform.DomainException;
import org.kinema.video.Privacy;
import org.kinema.video.VideoConstants;
import org.kinema.video.VideoFilter;
import org.kinema.video.VideoService;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /videos}: lists, details, constants, changes, deletion, views, file tokens, re-transcoding. */
@Path("videos")
@Produces(MediaType.APPLICATION_JSON)
public class VideoResource {

    @Inject
    private VideoService videos;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private VideoViews views;

    @Context
    private HttpServletRequest request;

    @GET
    public ListResponse<Map<String, Object>> list(@Context UriInfo uri, @QueryParam("start") String start,
                                                  @QueryParam("count") String count, @QueryParam("sort") String sort,
                                                  @QueryParam("nsfw") String nsfw, @QueryParam("isLocal") String isLocal) {
        var query = uri.getQueryParameters();
        VideoFilter.Query filter = new VideoFilter.Query(integers("categoryOneOf", values(query, "categoryOneOf")),
                values(query, "languageOneOf"), nsfw(nsfw), Paging.bool("isLocal", isLocal),
                integers("privacyOneOf", values(query, "privacyOneOf")));
        return views.page(videos.list(currentUser.caller().orElse(null), filter, Paging.page(start, count, sort)));
    }

    @GET
    @Path("categories")
    public Map<String, String> categories() {
        return stringKeys(VideoConstants.CATEGORIES);
    }

    @GET
    @Path("licences")
    public Map<String, String> licences() {
        return stringKeys(VideoConstants.LICENCES);
    }

    @GET
    @Path("languages")
    public Map<String, String> languages() {
        return VideoConstants.LANGUAGES;
    }

    @GET
    @Path("privacies")
    public Map<String, String> privacies() {
        Map<String, String> privacies = new LinkedHashMap<>();
        for (Privacy privacy : Privacy.values()) {
            privacies.put(String.valueOf(privacy.id()), privacy.label());
        }
        return privacies;
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id) {
        return views.json().details(videos.details(currentUser.caller().orElse(null), id));
    }

    /** PeerTube sends changes as a multipart form (it may carry images); JSON is taken too. */
    @PUT
    @Path("{id}")
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response describe(@PathParam("id") String id) throws IOException {
        Caller caller = currentUser.require();
        videos.describe(caller, id, DraftFields.from(fields()));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        videos.delete(currentUser.require(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/views")
    public Response view(@PathParam("id") String id) {
        videos.recordView(currentUser.caller().orElse(null), id, request.getRemoteAddr());
        return Response.noContent().build();
    }

    /** PeerTube's {@code {"files": {"token", "expires"}}} opening a non-public video's files. */
    @POST
    @Path("{id}/token")
    public Map<String, Object> fileToken(@PathParam("id") String id) {
        String token = videos.issueFileToken(currentUser.require(), id);
        long expires = Long.parseLong(token.substring(0, token.indexOf('.')));
        return Map.of("files", Map.of("token", token,
                "expires", OffsetDateTime.ofInstant(Instant.ofEpochSecond(expires), ZoneOffset.UTC)));
    }

    /** An administrator runs transcoding again, e.g. after a failure. */
    @POST
    @Path("{id}/transcoding")
    public Response transcodeAgain(@PathParam("id") String id) {
        videos.retryTranscoding(currentUser.require(), id);
        return Response.noContent().build();
    }

    private Map<String, List<String>> fields() throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType();
        if (type.startsWith(MediaType.MULTIPART_FORM_DATA)) {
            try {
                return DraftFields.fromParts(request.getParts(), null);
            } catch (ServletException e) {
                throw DomainException.invalid("The request is not a valid multipart form");
            }
        }
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            Map<String, List<String>> fields = new HashMap<>();
            request.getParameterMap().forEach((key, values) -> fields.put(key, List.of(values)));
            return fields;
        }
        return DraftFields.fromJson(request.getInputStream());
    }

    private static List<String> values(jakarta.ws.rs.core.MultivaluedMap<String, String> query, String name) {
        List<String> values = new ArrayList<>();
        for (String key : List.of(name, name + "[]")) {
            List<String> found = query.get(key);
            if (found != null) {
                found.forEach(value -> values.addAll(List.of(value.split(","))));
            }
        }
        values.removeIf(String::isBlank);
        return values;
    }

    private static List<Integer> integers(String name, List<String> values) {
        List<Integer> numbers = new ArrayList<>();
        for (String value : values) {
            Integer number = Paging.integer(name, value);
            numbers.add(number);
        }
        return numbers;
    }

    private static Boolean nsfw(String value) {
        if (value == null || value.isBlank() || value.equals("both")) {
            return null;
        }
        return Paging.bool("nsfw", value);
    }

    private static Map<String, String> stringKeys(Map<Integer, String> constants) {
        Map<String, String> json = new LinkedHashMap<>();
        constants.forEach((id, label) -> json.put(String.valueOf(id), label));
        return json;
    }

}
