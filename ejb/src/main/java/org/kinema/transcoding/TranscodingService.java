package org.kinema.transcoding;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.kinema.media.MediaStore;
import org.kinema.swarm.SwarmKeys;
import org.kinema.swarm.SwarmRepository;
import org.kinema.video.FileKind;
import org.kinema.video.Video;
import org.kinema.video.VideoEvents;
import org.kinema.video.VideoFile;
import org.kinema.video.VideoRepository;
import org.kinema.video.VideoState;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The transcoding queue's transactions: claim, report, publish, fail. Each call commits on its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TranscodingService {

    /** A lease outlives a node that stopped reporting by this much. */
    static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    private VideoRepository videos;

    @Inject
    private MediaStore store;

    @Inject
    private SwarmRepository swarms;

    @Inject
    private Event<VideoEvents.Published> published;

    public Optional<Long> claimNext(String node) {
        return videos.claimNextToTranscode(node, leaseEnd()).map(Video::id);
    }

    public int releaseLeasesOf(String node) {
        return videos.releaseLeasesOf(node);
    }

    public TranscodeTask task(long videoId) {
        Video video = video(videoId);
        VideoFile original = videos.files(video).stream().filter(file -> file.kind() == FileKind.ORIGINAL).findFirst()
                .orElseThrow(() -> new IllegalStateException("Video " + videoId + " has no original file"));
        return new TranscodeTask(videoId, video.uuid(), store.root().resolve("originals").resolve(original.filename()),
                original.filename(), video.customThumbnail(), video.customPreview());
    }

    /** Records progress and renews the lease; false if the video is no longer this job's to transcode. */
    public boolean progress(long videoId, int percent) {
        Video video = video(videoId);
        if (video.state() != VideoState.TO_TRANSCODE) {
            return false;
        }
        video.reportProgress(percent, leaseEnd());
        return true;
    }

    public void attachOriginalTorrent(long videoId, String torrentFilename, String infoHash) {
        videos.files(video(videoId)).stream().filter(file -> file.kind() == FileKind.ORIGINAL).findFirst()
                .ifPresent(file -> file.attachTorrent(torrentFilename, infoHash));
    }

    public void publish(long videoId, TranscodedStreams streams) {
        Video video = video(videoId);
        videos.removeFiles(video, FileKind.HLS);
        videos.removeFiles(video, FileKind.WEB);
        for (TranscodedStreams.NewFile file : streams.files()) {
            VideoFile added = new VideoFile(video, file.kind(), file.filename(), file.facts());
            added.attachTorrent(file.torrentFilename(), file.infoHash());
            videos.add(added);
        }
        video.publish(streams.hlsPrefix(), streams.duration(), streams.aspectRatio());
        swarms.replace(video.id(), swarmsOf(video, streams));
        published.fire(new VideoEvents.Published(video.id(), video.uuid()));
    }

    public void fail(long videoId, String reason) {
        videos.find(videoId).filter(video -> video.state() == VideoState.TO_TRANSCODE)
                .ifPresent(video -> video.failTranscoding(reason));
    }

    /** What the tracker serves for the video: each HLS stream's swarm and each torrent's. */
    private List<String> swarmsOf(Video video, TranscodedStreams streams) {
        List<SwarmKeys.HlsVariant> variants = streams.files().stream().filter(file -> file.kind() == FileKind.HLS)
                .map(file -> new SwarmKeys.HlsVariant(file.facts().bitrate(), file.facts().codecs(), file.facts().width(),
                        file.facts().height(), file.facts().fps()))
                .toList();
        List<String> hashes = new ArrayList<>(SwarmKeys.hlsInfoHashes(video.uuid(), variants));
        streams.files().stream().map(TranscodedStreams.NewFile::infoHash).filter(Objects::nonNull)
                .map(SwarmKeys::torrentInfoHash).forEach(hashes::add);
        videos.files(video).stream().filter(file -> file.kind() == FileKind.ORIGINAL).map(VideoFile::infoHash)
                .filter(Objects::nonNull).map(SwarmKeys::torrentInfoHash).forEach(hashes::add);
        return hashes;
    }

    private Video video(long videoId) {
        return videos.find(videoId).orElseThrow(() -> new IllegalStateException("Video " + videoId + " is gone"));
    }

    private static OffsetDateTime leaseEnd() {
        return OffsetDateTime.now(ZoneOffset.UTC).plus(LEASE);
    }
}
