package org.kinema.api.playlist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kinema.api.platform.ListResponse;
import org.kinema.api.search.PlaylistSearch;
import org.kinema.platform.KinemaSettings;
import org.kinema.platform.Page;
import org.kinema.playlist.PlaylistService;
import org.kinema.search.SearchOrder;
import org.kinema.search.SearchText;

import java.util.List;

/**
 * {@code GET /search/video-playlists}: public playlists whose name holds the words, newest first for
 * relevance (a playlist has only its name to match). A handle or URL names no playlist: nothing.
 */
@ApplicationScoped
public class PlaylistSearchProvider implements PlaylistSearch {

    @Inject
    private PlaylistService playlists;

    @Inject
    private KinemaSettings settings;

    @Override
    public ListResponse<PlaylistJson> search(SearchText text, SearchOrder order, Page page) {
        if (text.nothing() || text.actorName() != null || text.videoId() != null || text.isRemote()) {
            return new ListResponse<>(0, List.of());
        }
        String sort = order.isMatch() ? "-createdAt" : (order.descending() ? "-" : "") + order.name();
        String host = settings.host();
        return ListResponse.of(playlists.searchPublic(text.words().isEmpty() ? null : text.words(),
                new Page(page.start(), page.count(), sort)), playlist -> PlaylistJson.of(playlist, host));
    }
}
