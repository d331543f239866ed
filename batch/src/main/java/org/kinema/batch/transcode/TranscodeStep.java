package org.kinema.batch.transcode;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;

/**
 * A step of the transcoding job. A failure is recorded in words for the uploader before the step
 * fails, so the listener can put it on the video.
 */
abstract class TranscodeStep extends AbstractBatchlet {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(TranscodeStep.class.getName());

    @Inject
    JobContext job;

    @Override
    public String process() throws Exception {
        TranscodeWork work = (TranscodeWork) job.getTransientUserData();
        long started = System.nanoTime();
        try {
            run(work);
            LOG.info(() -> String.format("Video %d: %s took %.2f s", work.videoId, getClass().getSimpleName(),
                    (System.nanoTime() - started) / 1e9));
            return BatchStatus.COMPLETED.name();
        } catch (Exception e) {
            work.failure = describe(e);
            throw e;
        }
    }

    abstract void run(TranscodeWork work) throws Exception;

    /** The batch runtime stops the job (the server is stopping): end its tools; the video is not to blame. */
    @Override
    public void stop() {
        ((TranscodeWork) job.getTransientUserData()).interrupted = true;
        org.kinema.media.ProcessRunner.stopAll();
    }

    private String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + " failed: " + message;
    }
}
