package org.kinema.api.playlist;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.kinema.account.Caller;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.platform.Paging;
import org.kinema.platform.DomainException;
import org.kinema.playlist.PlaylistPlace;
import org.kinema.playlist.PlaylistService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /users/me/video-playlists/videos-exist?videoIds=…}: for each video id asked, where it
 * is in the caller's playlists ({@code videoIds}, {@code videoIds[]}, repeated or comma-separated).
 */
@Path("users/me/video-playlists/videos-exist")
@Produces(MediaType.APPLICATION_JSON)
public class VideosExistResource {

    /** The most video ids one question takes. */
    static final int MAX_IDS = 500;

    @Inject
    private PlaylistService playlists;

    @Inject
    private CurrentUser currentUser;

    @GET
    public Map<String, List<PlaylistPlace>> videosExist(@Context UriInfo uri) {
        Caller caller = currentUser.require();
        List<Long> ids = new ArrayList<>();
        for (String name : List.of("videoIds", "videoIds[]")) {
            for (String value : uri.getQueryParameters().getOrDefault(name, List.of())) {
                for (String id : value.split(",")) {
                    if (!id.isBlank() && !ids.contains(Paging.id(id.trim()))) {
                        ids.add(Paging.id(id.trim()));
                    }
                }
            }
        }
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            throw DomainException.invalid("videoIds must name 1 to " + MAX_IDS + " video ids");
        }
        Map<String, List<PlaylistPlace>> answer = new LinkedHashMap<>();
        playlists.placesOf(caller, ids).forEach((id, places) -> answer.put(String.valueOf(id), places));
        return answer;
    }
}
