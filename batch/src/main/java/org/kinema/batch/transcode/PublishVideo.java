package org.kinema.batch.transcode;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.kinema.transcoding.TranscodedStreams;

/** Puts the new files where they are served and publishes the video, if the claim still holds it. */
@Named("publishVideo")
@Dependent
public class PublishVideo extends TranscodeStep {

    @Override
    void run(TranscodeWork work) throws Exception {
        boolean published = transcoding.publish(work.claim, new TranscodedStreams(work.prefix,
                (int) Math.round(work.source.durationSeconds()), work.source.aspectRatio(), work.files), work.output());
        if (!published) {
            work.leaseLost = true;
            throw new LeaseLost();
        }
    }
}
