package org.kinema.transcoding;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.kinema.media.MediaStore;
import org.kinema.platform.KinemaSettings;
import org.kinema.video.FileKind;
import org.kinema.video.Video;
import org.kinema.video.VideoEvents;
import org.kinema.video.VideoFile;
import org.kinema.video.VideoRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The transcoding queue's transactions: claim, renew, report, publish, fail, release. Each call
 * commits on its own, and everything but the claim is refused to a job whose claim no longer holds.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TranscodingService {

    @Inject
    private TranscodeQueue queue;

    @Inject
    private TranscodeParts parts;

    @Inject
    private VideoRepository videos;

    @Inject
    private MediaStore store;

    @Inject
    private KinemaSettings settings;

    @Inject
    private Event<VideoEvents.Published> published;

    @Inject
    private Event<VideoEvents.TranscodingFailed> failed;

    public Optional<TranscodeClaim> claimNext(String node) {
        return queue.lockNextFree().map(video -> {
            TranscodeClaim claim = new TranscodeClaim(video.id(), LeaseIds.next());
            // a free video that still names a claim lost it with its node: that job's execution is abandoned
            video.transcodingClaim().ifPresent(queue::abandonExecutionOf);
            video.leaseTranscoding(node, claim.leaseId(), OffsetDateTime.now(ZoneOffset.UTC).plus(settings.transcodingLease()));
            return claim;
        });
    }

    /** Extends the claim's lease; false once another job holds the video (or nobody should). */
    public boolean renew(TranscodeClaim claim) {
        return queue.renew(claim, settings.transcodingLease());
    }

    public boolean holds(TranscodeClaim claim) {
        return videos.find(claim.videoId()).map(video -> video.isLeasedTo(claim.leaseId())).orElse(false);
    }

    /** What the claim's job is to transcode; empty if the claim no longer holds the video. */
    public Optional<TranscodeTask> task(TranscodeClaim claim) {
        return videos.find(claim.videoId()).filter(video -> video.isLeasedTo(claim.leaseId())).map(video -> {
            VideoFile original = videos.files(video).stream().filter(file -> file.kind() == FileKind.ORIGINAL).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Video " + claim.videoId() + " has no original file"));
            Optional<TranscodeTask.StoppedEncode> stopped = video.encodingFolder()
                    .map(folder -> new TranscodeTask.StoppedEncode(store.workFolder(folder).hls(), video.hlsPrefix()));
            return new TranscodeTask(claim, video.uuid(), store.original(original.filename()), video.customThumbnail(),
                    video.customPreview(), video.isEncoding() || video.hlsPrefix() != null, stopped);
        });
    }

    /** Records progress in percent; false if the claim no longer holds the video. */
    public boolean progress(TranscodeClaim claim, int percent) {
        return queue.progress(claim, percent);
    }

    /**
     * The first segments of every rendition exist: the video is published while the job goes on
     * encoding, its streams served from the job's work folder, with its renditions (no torrents
     * yet: those come with the complete ladder) and its stills; false if the claim no longer holds it.
     */
    public boolean publishWhileEncoding(TranscodeClaim claim, TranscodedStreams streams, MediaStore.WorkFolder work) {
        Optional<Video> locked = lockedFor(claim);
        if (locked.isEmpty()) {
            return false;
        }
        Video video = locked.get();
        try {
            store.installStills(work, video.uuid());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot put the stills in place", e);
        }
        videos.removeFiles(video, FileKind.HLS);
        for (TranscodedStreams.NewFile file : streams.files()) {
            videos.add(new VideoFile(video, file.kind(), file.filename(), file.facts()));
        }
        video.publishWhileEncoding(claim.leaseId(), streams.hlsPrefix(), streams.duration(), streams.aspectRatio());
        published.fire(new VideoEvents.Published(video.id(), video.uuid(), true, false));
        return true;
    }

    /**
     * Puts the new files where they are served and publishes the video (or completes it, if it was
     * published while encoding), while the video is locked against every other job; false (and
     * nothing moved) if the claim no longer holds the video.
     */
    public boolean publish(TranscodeClaim claim, TranscodedStreams streams, MediaStore.WorkFolder work) {
        Optional<Video> locked = lockedFor(claim);
        if (locked.isEmpty()) {
            return false;
        }
        Video video = locked.get();
        boolean watchableBefore = video.isEncoding();
        try {
            store.install(work, video.uuid());
            if (video.encodingFolder().isPresent() && video.hlsPrefix() != null) {
                store.retire(store.workFolder(video.encodingFolder().get()), video.uuid(), video.hlsPrefix(),
                        streams.hlsPrefix());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot put the new streams in place", e);
        }
        videos.removeFiles(video, FileKind.HLS);
        videos.removeFiles(video, FileKind.WEB);
        for (TranscodedStreams.NewFile file : streams.files()) {
            VideoFile added = new VideoFile(video, file.kind(), file.filename(), file.facts());
            added.attachTorrent(file.torrentFilename(), file.infoHash());
            added.describeMetadata(file.metadata());
            videos.add(added);
        }
        parts.forget(video.id());
        video.publish(claim.leaseId(), streams.hlsPrefix(), streams.duration(), streams.aspectRatio());
        published.fire(new VideoEvents.Published(video.id(), video.uuid(), !watchableBefore, true));
        return true;
    }

    /**
     * The job failed: the video shows the reason (withdrawn if it was published while encoding),
     * its original kept; nothing if the claim no longer holds it.
     */
    public void fail(TranscodeClaim claim, String reason) {
        lockedFor(claim).ifPresent(video -> {
            boolean withdrawn = video.isEncoding();
            parts.forget(video.id());
            video.failTranscoding(claim.leaseId(), reason);
            failed.fire(new VideoEvents.TranscodingFailed(video.id(), video.uuid(), withdrawn));
        });
    }

    /** The claim's video, locked against every other job until the transaction ends; empty if the claim lost it. */
    private Optional<Video> lockedFor(TranscodeClaim claim) {
        return queue.lock(claim.videoId()).filter(video -> video.isLeasedTo(claim.leaseId()));
    }

    /** The job stops with its node: another job may take the video at once. */
    public void release(TranscodeClaim claim) {
        queue.release(claim);
    }

    /** Whether a claim (named by its lease id, as its work folder is) still holds its video. */
    public boolean isLiveClaim(String leaseId) {
        return LeaseIds.isLeaseId(leaseId) && queue.isLive(leaseId);
    }

    /** Leases held in this node's name are void (a restart, a stop): their videos are free to be taken again. */
    public int releaseLeasesOf(String node) {
        return queue.releaseAllOf(node);
    }
}
