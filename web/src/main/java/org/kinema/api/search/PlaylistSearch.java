package org.kinema.api.search;

import org.kinema.api.platform.ListResponse;
import org.kinema.platform.Page;
import org.kinema.search.SearchOrder;
import org.kinema.search.SearchText;

/**
 * What the playlist feature answers to {@code GET /search/video-playlists}: a page of PeerTube's
 * {@code VideoPlaylist}s, public ones only, that match the text (already checked: words, or a local
 * handle or URL), in the order asked ({@code match}, {@code displayName} or {@code createdAt}).
 */
public interface PlaylistSearch {

    ListResponse<?> search(SearchText text, SearchOrder order, Page page);
}
