package org.kinema.transcoding;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.kinema.media.MediaStore;
import org.kinema.media.Part;
import org.kinema.platform.KinemaSettings;
import org.kinema.platform.NodeRegistry;
import org.kinema.video.FileKind;
import org.kinema.video.VideoFile;
import org.kinema.video.VideoRepository;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The transactions of a transcoding split across nodes: the video's job makes the parts and
 * follows them; any node's part job claims, renews, reports and finishes one. Each call commits on
 * its own, and a claim that no longer holds its part (or whose video's lease ran out) changes nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PartTranscoding {

    @Inject
    private TranscodeParts parts;

    @Inject
    private TranscodeQueue queue;

    @Inject
    private VideoRepository videos;

    @Inject
    private MediaStore store;

    @Inject
    private KinemaSettings settings;

    @Inject
    private NodeRegistry node;

    /** Whether another node is running to take parts: a node alone gains nothing by splitting. */
    public boolean othersCanHelp() {
        return !node.othersAlive().isEmpty();
    }

    /** Makes the video's parts under the claim; false if the claim no longer holds the video. */
    public boolean split(TranscodeClaim claim, List<Part> cut) {
        if (queue.lock(claim.videoId()).filter(video -> video.isLeasedTo(claim.leaseId())).isEmpty()) {
            return false;
        }
        parts.replace(claim.videoId(), claim.leaseId(), cut);
        return true;
    }

    /** The first waiting part of the claim's video, for the video's own job to encode. */
    public Optional<PartClaim> claimOwn(TranscodeClaim claim) {
        return taken(parts.claim(claim.videoId(), claim.leaseId(), node.name(), LeaseIds.next(), settings.transcodingLease()));
    }

    /** The first waiting part of any video, for a part job of this node. */
    public Optional<PartClaim> claimAny() {
        return taken(parts.claimAny(node.name(), LeaseIds.next(), settings.transcodingLease()));
    }

    /** A part taken over from a job whose lease ran out: that job's node died, its execution is abandoned. */
    private Optional<PartClaim> taken(Optional<TranscodeParts.Claimed> claimed) {
        claimed.map(TranscodeParts.Claimed::lapsedLeaseId).ifPresent(queue::abandonExecutionOf);
        return claimed.map(TranscodeParts.Claimed::claim);
    }

    /** The original the part is cut from, if the claim still holds it. */
    public Optional<Path> original(PartClaim claim) {
        return videos.find(claim.videoId()).filter(video -> video.isLeasedTo(claim.videoLeaseId()))
                .flatMap(video -> videos.files(video).stream().filter(file -> file.kind() == FileKind.ORIGINAL).findFirst())
                .map(VideoFile::filename).map(store::original);
    }

    /** Where the parts of the video's lease are written: its work folder, which every node mounts. */
    public Path folder(String videoLeaseId) {
        return store.workFolder(videoLeaseId).dir().resolve("parts");
    }

    public boolean renew(PartClaim claim) {
        return parts.renew(claim, settings.transcodingLease());
    }

    public boolean progress(PartClaim claim, int percent) {
        return parts.progress(claim, percent);
    }

    public boolean finish(PartClaim claim, String output) {
        return parts.finish(claim, output, node.name());
    }

    public void fail(PartClaim claim, String reason) {
        parts.fail(claim, reason);
    }

    public void release(PartClaim claim) {
        parts.release(claim);
    }

    public int releaseLeasesOf(String nodeName) {
        return parts.releaseAllOf(nodeName);
    }

    /** The parts of the claim's split, in order. */
    public List<PartState> states(TranscodeClaim claim) {
        return parts.of(claim.videoId(), claim.leaseId());
    }
}
