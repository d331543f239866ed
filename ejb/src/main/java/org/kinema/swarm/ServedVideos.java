package org.kinema.swarm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.kinema.video.FileKind;
import org.kinema.video.Video;
import org.kinema.video.VideoEvents;
import org.kinema.video.VideoFile;
import org.kinema.video.VideoRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the {@code tracker_swarm} table true, in the transaction of each change: a published
 * public or unlisted video's HLS streams and torrents are served; a video nobody may watch without
 * logging in (private, internal) or not published has no swarm at all, so the tracker never tells
 * anyone who watches it.
 */
@ApplicationScoped
public class ServedVideos {

    @Inject
    private VideoRepository videos;

    @Inject
    private SwarmRepository swarms;

    void published(@Observes VideoEvents.Published event) {
        serve(event.videoId());
    }

    void privacyChanged(@Observes VideoEvents.PrivacyChanged event) {
        serve(event.videoId());
    }

    void failed(@Observes VideoEvents.TranscodingFailed event) {
        if (event.withdrawn()) {
            serve(event.videoId());
        }
    }

    private void serve(long videoId) {
        Video video = videos.find(videoId).orElseThrow(() -> new IllegalStateException("Video " + videoId + " is gone"));
        boolean served = video.isPublished() && video.privacy().isOpenToAnyone();
        swarms.replace(video.id(), served ? swarmsOf(video, videos.files(video)) : List.of());
    }

    /** Each HLS stream's swarm, as players announce it, and each torrent's; never the original's. */
    static List<String> swarmsOf(Video video, List<VideoFile> files) {
        List<SwarmKeys.HlsVariant> variants = files.stream().filter(file -> file.kind() == FileKind.HLS)
                .map(file -> new SwarmKeys.HlsVariant(file.bitrate(), file.codecs(), file.width(), file.height(), file.fps()))
                .toList();
        List<String> hashes = new ArrayList<>(SwarmKeys.hlsInfoHashes(video.uuid(), variants));
        files.stream().filter(file -> file.kind() != FileKind.ORIGINAL).map(VideoFile::infoHash).filter(Objects::nonNull)
                .map(SwarmKeys::torrentInfoHash).forEach(hashes::add);
        return hashes;
    }
}
