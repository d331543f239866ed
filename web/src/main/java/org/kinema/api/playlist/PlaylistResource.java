package org.kinema.api.playlist;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.kinema.account.Caller;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.platform.ListResponse;
import org.kinema.api.platform.Paging;
import org.kinema.api.platform.RequestLimits;
import org.kinema.api.video.DraftFields;
import org.kinema.api.video.TemporaryFiles;
import org.kinema.api.video.VideoJson;
import org.kinema.api.video.VideoResource;
import org.kinema.api.video.VideoViews;
import org.kinema.platform.KinemaSettings;
import org.kinema.playlist.Playlist;
import org.kinema.playlist.PlaylistDraft;
import org.kinema.playlist.PlaylistElement;
import org.kinema.playlist.PlaylistPrivacy;
import org.kinema.playlist.PlaylistService;
import org.kinema.playlist.PlaylistType;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /video-playlists}: the public playlists, a playlist's page, its making and changes (as
 * PeerTube's clients send them: a multipart form with {@code thumbnailfile}, or JSON or a plain
 * form), and its elements: listed, added, timed, moved and removed.
 */
@Path("video-playlists")
@Produces(MediaType.APPLICATION_JSON)
public class PlaylistResource {

    @Inject
    private PlaylistService playlists;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private VideoViews videoViews;

    @Inject
    private KinemaSettings settings;

    @Context
    private HttpServletRequest request;

    public record AddVideo(@NotNull String videoId, Integer startTimestamp, Integer stopTimestamp) {
    }

    public record Retime(Integer startTimestamp, Integer stopTimestamp) {
    }

    public record Reorder(@NotNull Integer startPosition, @NotNull Integer insertAfterPosition, Integer reorderLength) {
    }

    @GET
    public ListResponse<PlaylistJson> list(@QueryParam("start") String start, @QueryParam("count") String count,
                                           @QueryParam("sort") String sort, @QueryParam("playlistType") String type) {
        String host = settings.host();
        return ListResponse.of(playlists.listPublic(type(type), Paging.page(start, count, sort)),
                playlist -> PlaylistJson.of(playlist, host));
    }

    @GET
    @Path("privacies")
    public Map<String, String> privacies() {
        Map<String, String> privacies = new LinkedHashMap<>();
        for (PlaylistPrivacy privacy : PlaylistPrivacy.values()) {
            privacies.put(String.valueOf(privacy.id()), privacy.label());
        }
        return privacies;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Map<String, Object> create(List<EntityPart> parts) throws IOException {
        Caller caller = currentUser.require();
        Map<String, EntityPart> files = new HashMap<>();
        Map<String, List<String>> fields = DraftFields.fromEntityParts(parts, files);
        try (TemporaryFiles images = new TemporaryFiles()) {
            return created(playlists.create(caller, draft(fields), thumbnail(files, images)));
        }
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Map<String, Object> create() throws IOException {
        Caller caller = currentUser.require();
        return created(playlists.create(caller, draft(DraftFields.fromRequest(request)), null));
    }

    @GET
    @Path("{playlistId}")
    public PlaylistJson get(@PathParam("playlistId") String playlistId) {
        return PlaylistJson.of(playlists.get(currentUser.caller().orElse(null), playlistId), settings.host());
    }

    @PUT
    @Path("{playlistId}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response describe(@PathParam("playlistId") String playlistId, List<EntityPart> parts) throws IOException {
        Caller caller = currentUser.require();
        Map<String, EntityPart> files = new HashMap<>();
        Map<String, List<String>> fields = DraftFields.fromEntityParts(parts, files);
        try (TemporaryFiles images = new TemporaryFiles()) {
            playlists.describe(caller, playlistId, draft(fields), thumbnail(files, images));
        }
        return Response.noContent().build();
    }

    @PUT
    @Path("{playlistId}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response describe(@PathParam("playlistId") String playlistId) throws IOException {
        Caller caller = currentUser.require();
        playlists.describe(caller, playlistId, draft(DraftFields.fromRequest(request)), null);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{playlistId}")
    public Response delete(@PathParam("playlistId") String playlistId) {
        playlists.delete(currentUser.require(), playlistId);
        return Response.noContent().build();
    }

    @GET
    @Path("{playlistId}/videos")
    public ListResponse<PlaylistElementJson> elements(@PathParam("playlistId") String playlistId,
                                                      @QueryParam("start") String start, @QueryParam("count") String count) {
        VideoJson videos = videoViews.json();
        return ListResponse.of(playlists.elements(currentUser.caller().orElse(null), playlistId, Paging.page(start, count, null)),
                element -> PlaylistElementJson.of(element, videos));
    }

    /** PeerTube answers {@code {"videoPlaylistElement": {"id": …}}}. */
    @POST
    @Path("{playlistId}/videos")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> add(@PathParam("playlistId") String playlistId,
                                   @HeaderParam(VideoResource.PASSWORD_HEADER) String password, @NotNull @Valid AddVideo body) {
        PlaylistElement element = playlists.add(currentUser.require(), playlistId, body.videoId(), password,
                body.startTimestamp(), body.stopTimestamp());
        return Map.of("videoPlaylistElement", Map.of("id", element.id()));
    }

    @POST
    @Path("{playlistId}/videos/reorder")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reorder(@PathParam("playlistId") String playlistId, @NotNull @Valid Reorder body) {
        playlists.reorder(currentUser.require(), playlistId, body.startPosition(), body.insertAfterPosition(),
                body.reorderLength() == null ? 1 : body.reorderLength());
        return Response.noContent().build();
    }

    @PUT
    @Path("{playlistId}/videos/{playlistElementId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response retime(@PathParam("playlistId") String playlistId, @PathParam("playlistElementId") String elementId,
                           @NotNull @Valid Retime body) {
        playlists.retime(currentUser.require(), playlistId, Paging.id(elementId), body.startTimestamp(), body.stopTimestamp());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{playlistId}/videos/{playlistElementId}")
    public Response remove(@PathParam("playlistId") String playlistId, @PathParam("playlistElementId") String elementId) {
        playlists.remove(currentUser.require(), playlistId, Paging.id(elementId));
        return Response.noContent().build();
    }

    /** PeerTube's {@code playlistType} query parameter: 1 regular, 2 watch later. */
    static PlaylistType type(String value) {
        Integer id = Paging.integer("playlistType", value);
        return id == null ? null : PlaylistType.of(id);
    }

    private static PlaylistDraft draft(Map<String, List<String>> fields) {
        Long channelId = DraftFields.longValue(fields, "videoChannelId");
        return new PlaylistDraft(DraftFields.text(fields, "displayName"), DraftFields.text(fields, "description"),
                DraftFields.integer(fields, "privacy"), channelId, channelId == null && fields.containsKey("videoChannelId"));
    }

    private static java.nio.file.Path thumbnail(Map<String, EntityPart> files, TemporaryFiles images) throws IOException {
        EntityPart part = files.get("thumbnailfile");
        return part == null ? null : images.copy(part.getName(), part.getContent(), RequestLimits.IMAGE);
    }

    private static Map<String, Object> created(Playlist playlist) {
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("id", playlist.id());
        created.put("uuid", playlist.uuid().toString());
        created.put("shortUUID", playlist.shortUuid());
        return Map.of("videoPlaylist", created);
    }
}
