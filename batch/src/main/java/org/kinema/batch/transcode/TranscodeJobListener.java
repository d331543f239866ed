package org.kinema.batch.transcode;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kinema.media.MediaStore;
import org.kinema.transcoding.TranscodeScheduler;
import org.kinema.transcoding.TranscodingService;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Opens the job's work, and at its end marks a failed video and frees the node's slot. */
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

    @Override
    public void beforeJob() {
        long videoId = Long.parseLong(BatchRuntime.getJobOperator().getParameters(job.getExecutionId())
                .getProperty(TranscodeScheduler.VIDEO_ID));
        job.setTransientUserData(new TranscodeWork(videoId));
    }

    @Override
    public void afterJob() {
        TranscodeWork work = (TranscodeWork) job.getTransientUserData();
        try {
            if (work.interrupted || stopping()) {
                LOG.info(() -> "Transcoding of video " + work.videoId + " interrupted by the server stopping; it will run again");
            } else if (job.getBatchStatus() != BatchStatus.COMPLETED) {
                String reason = work.failure != null ? work.failure : "Transcoding stopped: " + job.getBatchStatus();
                LOG.warning(() -> "Transcoding of video " + work.videoId + " failed: " + reason);
                transcoding.fail(work.videoId, reason);
            }
            if (work.workDir != null) {
                MediaStore.deleteRecursively(work.workDir);
            }
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Could not close the transcoding of video " + work.videoId, e);
        } finally {
            try {
                scheduler.finished(work.videoId);
            } catch (RuntimeException e) {
                LOG.fine(() -> "Scheduler gone (the server is stopping): " + e);
            }
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
