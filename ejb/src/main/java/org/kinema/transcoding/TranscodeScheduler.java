package org.kinema.transcoding;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.kinema.media.ProcessGroup;
import org.kinema.platform.KinemaSettings;
import org.kinema.platform.NodeRegistry;
import org.kinema.video.VideoEvents;

import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts transcoding jobs on this node while it has room: right after an upload, and every few
 * seconds for work left by other nodes or by this node before a restart. A job starts only on a
 * claim this node just took: the lease, not the batch runtime's restart, decides who works.
 */
@Startup
@Singleton
@DependsOn({"DatabaseMigration", "NodeRegistry"})
public class TranscodeScheduler {

    public static final String JOB = "transcode-video";
    public static final String VIDEO_ID = "videoId";
    public static final String LEASE_ID = "leaseId";
    /** The job that encodes one part of a split transcoding (of a video another job holds). */
    public static final String PART_JOB = "transcode-part";
    private static final Logger LOG = Logger.getLogger(TranscodeScheduler.class.getName());

    @Inject
    private TranscodingService transcoding;

    @Inject
    private PartTranscoding parts;

    @Inject
    private KinemaSettings settings;

    @Inject
    private NodeRegistry node;

    private int running;
    private volatile boolean stopping;

    /** A restarted node's leases are its own unfinished jobs (its name is its own): free them to be started again. */
    @PostConstruct
    void takeUpUnfinishedWork() {
        int released = transcoding.releaseLeasesOf(node.name()) + parts.releaseLeasesOf(node.name());
        if (released > 0) {
            LOG.info(() -> released + " transcoding job(s) interrupted by the last stop will run again");
        }
    }

    /** The node stops: its jobs end without blaming their videos, which any node takes up again at once. */
    @PreDestroy
    void stop() {
        stopping = true;
        ProcessGroup.stopAll();
        if (running == 0) {
            return;
        }
        try {
            transcoding.releaseLeasesOf(node.name());
            parts.releaseLeasesOf(node.name());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not release this node's leases while stopping; they run out by themselves", e);
        }
    }

    /** Whether a job ending now ends because the node stops rather than because it failed. */
    @Lock(LockType.READ)
    public boolean isStopping() {
        return stopping;
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void tick() {
        startWhatFits();
    }

    public void onUpload(@Observes(during = TransactionPhase.AFTER_SUCCESS) VideoEvents.Uploaded uploaded) {
        startWhatFits();
    }

    /** Called by the job when it ends, however it ends. */
    public void finished(long videoId) {
        running = Math.max(0, running - 1);
        startWhatFits();
    }

    /** Videos first (each job uses every core), then parts of the videos other nodes split. */
    private void startWhatFits() {
        while (!stopping && running < settings.transcodingJobs()) {
            Optional<TranscodeClaim> next = transcoding.claimNext(node.name());
            if (next.isPresent()) {
                start(next.get());
            } else {
                Optional<PartClaim> part = parts.claimAny();
                if (part.isEmpty()) {
                    return;
                }
                start(part.get());
            }
        }
    }

    private void start(TranscodeClaim claim) {
        running++;
        try {
            Properties parameters = new Properties();
            parameters.setProperty(VIDEO_ID, String.valueOf(claim.videoId()));
            parameters.setProperty(LEASE_ID, claim.leaseId());
            BatchRuntime.getJobOperator().start(JOB, parameters);
        } catch (RuntimeException e) {
            running--;
            LOG.log(Level.SEVERE, "Could not start transcoding of video " + claim.videoId(), e);
            transcoding.fail(claim, "Could not start the transcoding job: " + e.getMessage());
        }
    }

    private void start(PartClaim claim) {
        running++;
        try {
            BatchRuntime.getJobOperator().start(PART_JOB, claim.jobParameters());
        } catch (RuntimeException e) {
            running--;
            LOG.log(Level.SEVERE, "Could not start a part of video " + claim.videoId(), e);
            parts.release(claim);
        }
    }
}
