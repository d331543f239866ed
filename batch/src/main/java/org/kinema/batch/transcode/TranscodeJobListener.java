package org.kinema.batch.transcode;

import jakarta.annotation.Resource;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kinema.media.MediaStore;
import org.kinema.platform.KinemaSettings;
import org.kinema.transcoding.TranscodeClaim;
import org.kinema.transcoding.TranscodeScheduler;
import org.kinema.transcoding.TranscodingService;

import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens the job's work and keeps its claim alive (renewing the lease on a timer for as long as the
 * job runs, and stopping the job the moment the claim is gone); at the end, marks a failed video,
 * frees the video for another node if this node stops, and frees the node's slot.
 */
@Named("transcodeJobListener")
@Dependent
public class TranscodeJobListener extends AbstractJobListener {

    private static final Logger LOG = Logger.getLogger(TranscodeJobListener.class.getName());

    @Inject
    private JobContext job;

    @Inject
    private TranscodingService transcoding;

    @Inject
    private TranscodeScheduler scheduler;

    @Inject
    private KinemaSettings settings;

    @Resource
    private ManagedScheduledExecutorService timer;

    @Override
    public void beforeJob() {
        Properties parameters = BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
        TranscodeWork work = new TranscodeWork(new TranscodeClaim(
                Long.parseLong(parameters.getProperty(TranscodeScheduler.VIDEO_ID)),
                parameters.getProperty(TranscodeScheduler.LEASE_ID)));
        job.setTransientUserData(work);
        long every = settings.transcodingLease().toMillis() / 4;
        work.renewal = timer.scheduleAtFixedRate(() -> renew(work), every, every, TimeUnit.MILLISECONDS);
    }

    private void renew(TranscodeWork work) {
        try {
            if (!work.leaseLost && !transcoding.renew(work.claim)) {
                LOG.warning(() -> "Transcoding of video " + work.claim.videoId() + ": the claim was lost; stopping");
                work.loseLease();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not renew the transcoding lease of video " + work.claim.videoId()
                    + "; trying again", e);
        }
    }

    @Override
    public void afterJob() {
        TranscodeWork work = (TranscodeWork) job.getTransientUserData();
        long videoId = work.claim.videoId();
        try {
            work.renewal.cancel(false);
            work.processes.stop();
            work.processes.close();
            if (work.interrupted || stopping()) {
                LOG.info(() -> "Transcoding of video " + videoId + " interrupted by the server stopping; it will run again");
                releaseForAnotherNode(work);
            } else if (work.leaseLost) {
                LOG.info(() -> "Transcoding of video " + videoId + " stopped: another job holds the video now");
            } else if (job.getBatchStatus() != BatchStatus.COMPLETED) {
                String reason = work.failure != null ? work.failure : "Transcoding stopped: " + job.getBatchStatus();
                LOG.warning(() -> "Transcoding of video " + videoId + " failed: " + reason);
                transcoding.fail(work.claim, reason);
            }
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Could not close the transcoding of video " + videoId, e);
        } finally {
            if (!stillServed(work)) {
                removeWorkFolder(work);
            }
            try {
                scheduler.finished(videoId);
            } catch (RuntimeException e) {
                LOG.fine(() -> "Scheduler gone (the server is stopping): " + e);
            }
        }
    }

    /**
     * Whether the video, published while this job encoded it, is still served from the job's work
     * folder: the job stopped without completing or failing it, and another job takes it up (the
     * janitor removes the folder once that job has completed or withdrawn the video).
     */
    private boolean stillServed(TranscodeWork work) {
        return work.publishedEarly && job.getBatchStatus() != BatchStatus.COMPLETED
                && (work.interrupted || work.leaseLost || stopping());
    }

    /** Best effort: a node that stops also frees its leases itself, and a lease runs out anyway. */
    private void releaseForAnotherNode(TranscodeWork work) {
        try {
            transcoding.release(work.claim);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not release the lease while stopping; it runs out by itself", e);
        }
    }

    private static void removeWorkFolder(TranscodeWork work) {
        if (work.folder == null) {
            return;
        }
        try {
            MediaStore.deleteRecursively(work.folder.dir());
        } catch (Exception e) {
            LOG.log(Level.FINE, "The janitor will remove " + work.folder.dir(), e);
        }
    }

    private boolean stopping() {
        try {
            return scheduler.isStopping();
        } catch (RuntimeException e) {
            return true;
        }
    }
}
