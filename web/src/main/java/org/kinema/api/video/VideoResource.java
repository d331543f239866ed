package org.kinema.api.video;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.kinema.account.Caller;
import org.kinema.activitypub.VideoUpdates;
import com.fasterxml.jackson.databind.JsonNode;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.platform.JsonMapper;
import org.kinema.api.platform.ListResponse;
import org.kinema.api.platform.Paging;
import org.kinema.api.platform.RequestLimits;
import org.kinema.history.HistoryService;
import org.kinema.platform.DomainException;
import org.kinema.platform.KinemaSettings;
import org.kinema.video.FileTokens;
import org.kinema.video.Privacy;
import org.kinema.video.VideoConstants;
import org.kinema.video.VideoFilter;
import org.kinema.video.VideoPasswordService;
import org.kinema.video.VideoDetails;
import org.kinema.video.VideoService;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /videos}: lists, details, constants, changes, deletion, views, file tokens, passwords,
 * re-transcoding.
 */
@Path("videos")
@Produces(MediaType.APPLICATION_JSON)
public class VideoResource {

    /** Where a viewer gives a password-protected video's password, as PeerTube's clients do. */
    public static final String PASSWORD_HEADER = "x-peertube-video-password";

    @Inject
    private VideoService videos;

    /** Changes of a video's description, told to its followers. */
    @Inject
    private VideoUpdates edits;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private VideoViews views;

    @Inject
    private VideoPasswordService passwords;

    @Inject
    private HistoryService history;

    @Inject
    private KinemaSettings settings;

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
    public Map<String, Object> get(@PathParam("id") String id, @HeaderParam(PASSWORD_HEADER) String password) {
        Caller caller = currentUser.caller().orElse(null);
        VideoDetails video = videos.details(caller, id, password);
        VideoJson json = views.json();
        Map<String, Object> details = json.details(video);
        history.positionOf(caller, video.video()).ifPresent(seconds -> json.withHistory(details, seconds));
        return details;
    }

    /** The original as uploaded: its facts and where its owner downloads it. */
    @GET
    @Path("{id}/source")
    public VideoSourceJson source(@PathParam("id") String id) {
        Caller caller = currentUser.require();
        return VideoSourceJson.of(videos.get(caller, id), videos.source(caller, id), settings.publicUrl());
    }

    /** What ffprobe says of one of the video's files (the {@code metadataUrl} of each file). */
    @GET
    @Path("{id}/metadata/{fileId}")
    public Response fileMetadata(@PathParam("id") String id, @PathParam("fileId") String fileId) {
        return Response.ok(videos.fileMetadata(currentUser.caller().orElse(null), id, fileId), MediaType.APPLICATION_JSON)
                .build();
    }

    /** Changes in JSON or a plain form. */
    @PUT
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response describe(@PathParam("id") String id) throws IOException {
        Caller caller = currentUser.require();
        edits.describe(caller, id, DraftFields.from(DraftFields.fromRequest(request)), null, null);
        return Response.noContent().build();
    }

    /**
     * Changes as PeerTube's clients send them: a multipart form, which may carry a new thumbnail
     * ({@code thumbnailfile}) and preview ({@code previewfile}), each bounded as PeerTube bounds them.
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response describe(@PathParam("id") String id, List<EntityPart> parts) throws IOException {
        Caller caller = currentUser.require();
        Map<String, EntityPart> files = new HashMap<>();
        Map<String, List<String>> fields = DraftFields.fromEntityParts(parts, files);
        try (TemporaryFiles images = new TemporaryFiles()) {
            edits.describe(caller, id, DraftFields.from(fields), image(files.get("thumbnailfile"), images),
                    image(files.get("previewfile"), images));
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        videos.delete(currentUser.require(), id);
        return Response.noContent().build();
    }

    /**
     * A viewer watches: counted as a view, and for a logged-in viewer who says where they are
     * (PeerTube's {@code currentTime}) kept in their history.
     */
    @POST
    @Path("{id}/views")
    public Response view(@PathParam("id") String id, @HeaderParam(PASSWORD_HEADER) String password, InputStream body)
            throws IOException {
        videos.recordView(currentUser.caller().orElse(null), id, password, request.getRemoteAddr(), currentTime(body, false));
        return Response.noContent().build();
    }

    /** PeerTube's older way of saying where a logged-in viewer is: {@code {"currentTime": seconds}}. */
    @PUT
    @Path("{id}/watching")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response watching(@PathParam("id") String id, @HeaderParam(PASSWORD_HEADER) String password, InputStream body)
            throws IOException {
        videos.watching(currentUser.require(), id, password, currentTime(body, true));
        return Response.noContent().build();
    }

    /**
     * PeerTube's {@code {"files": {"token", "expires"}}} opening a non-public video's files; a
     * password-protected video's password gets one without logging in.
     */
    @POST
    @Path("{id}/token")
    public Map<String, Object> fileToken(@PathParam("id") String id, @HeaderParam(PASSWORD_HEADER) String password) {
        String token = videos.issueFileToken(currentUser.caller().orElse(null), id, password);
        long expires = FileTokens.expiry(token);
        return Map.of("files", Map.of("token", token,
                "expires", OffsetDateTime.ofInstant(Instant.ofEpochSecond(expires), ZoneOffset.UTC)));
    }

    /** The passwords of a password-protected video, for its owner. */
    @GET
    @Path("{id}/passwords")
    public ListResponse<VideoPasswordJson> passwords(@PathParam("id") String id, @QueryParam("start") String start,
                                                     @QueryParam("count") String count, @QueryParam("sort") String sort) {
        return ListResponse.of(passwords.list(currentUser.require(), id, Paging.page(start, count, sort)), VideoPasswordJson::of);
    }

    /** PeerTube's {@code {"passwords": [...]}}: they replace the video's passwords. */
    @PUT
    @Path("{id}/passwords")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replacePasswords(@PathParam("id") String id, @NotNull PasswordsChange body) {
        passwords.replace(currentUser.require(), id, body.passwords());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/passwords/{passwordId}")
    public Response deletePassword(@PathParam("id") String id, @PathParam("passwordId") String passwordId) {
        passwords.remove(currentUser.require(), id, Paging.id(passwordId));
        return Response.noContent().build();
    }

    /** The body of {@code PUT /videos/{id}/passwords}. */
    public record PasswordsChange(List<String> passwords) {
    }

    /** An administrator runs transcoding again, e.g. after a failure. */
    @POST
    @Path("{id}/transcoding")
    public Response transcodeAgain(@PathParam("id") String id) {
        videos.retryTranscoding(currentUser.require(), id);
        return Response.noContent().build();
    }

    /**
     * The {@code currentTime} of a JSON body, in whole seconds; null when absent and not required.
     * The body is read as JSON whatever charset its type names (a player sends only this field).
     */
    private static Integer currentTime(InputStream body, boolean required) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
        JsonNode json = new String(bytes, StandardCharsets.UTF_8).isBlank() ? null : JsonMapper.mapper().readTree(bytes);
        JsonNode time = json == null ? null : json.get("currentTime");
        if (time == null || time.isNull()) {
            if (required) {
                throw DomainException.invalid("currentTime is required");
            }
            return null;
        }
        if (!(time.isIntegralNumber() || time.isTextual()) || !time.asText().matches("\\d{1,9}")) {
            throw DomainException.invalid("currentTime must be a whole number of seconds, 0 or more");
        }
        return Integer.valueOf(time.asText());
    }

    private static java.nio.file.Path image(EntityPart part, TemporaryFiles images) throws IOException {
        return part == null ? null : images.copy(part.getName(), part.getContent(), RequestLimits.IMAGE);
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
