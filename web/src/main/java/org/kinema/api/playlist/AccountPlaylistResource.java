package org.kinema.api.playlist;

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
import org.kinema.platform.KinemaSettings;
import org.kinema.playlist.PlaylistService;

/** {@code GET /accounts/{name}/video-playlists}: all of them for the account's owner, the public ones for others. */
@Path("accounts/{name}/video-playlists")
@Produces(MediaType.APPLICATION_JSON)
public class AccountPlaylistResource {

    @Inject
    private PlaylistService playlists;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private KinemaSettings settings;

    @GET
    public ListResponse<PlaylistJson> list(@PathParam("name") String name, @QueryParam("start") String start,
                                           @QueryParam("count") String count, @QueryParam("sort") String sort,
                                           @QueryParam("search") String search, @QueryParam("playlistType") String type) {
        String host = settings.host();
        return ListResponse.of(playlists.listOfAccount(currentUser.caller().orElse(null), name, search,
                PlaylistResource.type(type), Paging.page(start, count, sort)), playlist -> PlaylistJson.of(playlist, host));
    }
}
