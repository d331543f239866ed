package org.kinema.batch.transcode;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import org.kinema.transcoding.TranscodingService;

import java.util.logging.Logger;

/**
 * A step of the transcoding job. It starts only while the job's claim holds the video; a failure
 * is recorded in words for the uploader before the step fails, so the listener can put it on the
 * video — unless the job lost its claim or its node stops, which is not the video's fault.
 */
abstract class TranscodeStep extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(TranscodeStep.class.getName());

    @Inject
    JobContext job;

    @Inject
    TranscodingService transcoding;

    @Override
    public String process() throws Exception {
        TranscodeWork work = (TranscodeWork) job.getTransientUserData();
        long started = System.nanoTime();
        try {
            if (work.leaseLost || !transcoding.holds(work.claim)) {
                work.leaseLost = true;
                throw new LeaseLost();
            }
            run(work);
            LOG.info(() -> String.format("Video %d: %s took %.2f s", work.claim.videoId(), getClass().getSimpleName(),
                    (System.nanoTime() - started) / 1e9));
            return BatchStatus.COMPLETED.name();
        } catch (Exception e) {
            if (!work.leaseLost && !work.interrupted) {
                work.failure = describe(e);
            }
            throw e;
        }
    }

    abstract void run(TranscodeWork work) throws Exception;

    /** The batch runtime stops the job (the server is stopping): end its own tools; the video is not to blame. */
    @Override
    public void stop() {
        TranscodeWork work = (TranscodeWork) job.getTransientUserData();
        work.interrupted = true;
        work.processes.stop();
    }

    private String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + " failed: " + message;
    }
}
