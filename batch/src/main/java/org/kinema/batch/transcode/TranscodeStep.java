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

    @Inject
    JobContext job;

    @Override
    public String process() throws Exception {
        TranscodeWork work = (TranscodeWork) job.getTransientUserData();
        try {
            run(work);
            return BatchStatus.COMPLETED.name();
        } catch (Exception e) {
            work.failure = describe(e);
            throw e;
        }
    }

    abstract void run(TranscodeWork work) throws Exception;

    private String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + " failed: " + message;
    }
}
