package org.kinema.search;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.kinema.channel.VideoChannel;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.video.Video;

/**
 * What searching finds: public, published videos only, for everyone (their owners and administrators
 * too, as PeerTube's search without its moderators' filters), and channels; by words, or by a handle
 * or URL of this instance. A handle or URL of another instance is refused until federation.
 */
@Stateless
public class SearchService {

    @Inject
    private SearchRepository repository;

    public PageResult<Video> videos(VideoSearch search, Page page) {
        return repository.videos(search, page);
    }

    public PageResult<VideoChannel> channels(SearchText text, SearchOrder order, Page page) {
        return repository.channels(text, order, page);
    }
}
