package org.kinema.api.video;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kinema.api.platform.ListResponse;
import org.kinema.platform.KinemaSettings;
import org.kinema.platform.PageResult;
import org.kinema.video.Video;

import java.util.Map;

/** Lists of videos in PeerTube's shape, for every resource that lists them. */
@ApplicationScoped
public class VideoViews {

    @Inject
    private KinemaSettings settings;

    public VideoJson json() {
        return new VideoJson(settings.publicUrl(), settings.host(), settings.trackerUrls());
    }

    public ListResponse<Map<String, Object>> page(PageResult<Video> page) {
        VideoJson json = json();
        return ListResponse.of(page, json::summary);
    }
}
