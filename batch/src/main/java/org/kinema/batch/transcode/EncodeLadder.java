package org.kinema.batch.transcode;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kinema.media.LadderEncoder;
import org.kinema.platform.KinemaSettings;
import org.kinema.transcoding.TranscodingService;

/**
 * Encodes every rendition in one ffmpeg process, reporting progress (which also renews the
 * node's lease on the video) at most once a second.
 */
@Named("encodeLadder")
@Dependent
public class EncodeLadder extends TranscodeStep {

    @Inject
    private TranscodingService transcoding;

    @Inject
    private KinemaSettings settings;

    @Override
    void run(TranscodeWork work) throws Exception {
        long[] lastReport = {0};
        int[] lastPercent = {-1};
        LadderEncoder.encode(settings.ffmpeg(), work.task.original(), work.source, work.ladder, work.workDir, work.prefix,
                percent -> {
                    long now = System.currentTimeMillis();
                    if (percent != lastPercent[0] && now - lastReport[0] >= 1000) {
                        lastReport[0] = now;
                        lastPercent[0] = percent;
                        transcoding.progress(work.videoId, percent);
                    }
                });
    }
}
