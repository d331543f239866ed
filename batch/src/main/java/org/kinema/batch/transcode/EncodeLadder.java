package org.kinema.batch.transcode;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kinema.media.LadderEncoder;
import org.kinema.media.MediaConversions;
import org.kinema.platform.KinemaSettings;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Encodes every rendition in one ffmpeg process, reporting progress at most once a second; a
 * report the claim no longer holds stops the job. Meanwhile the thumbnail and preview are taken
 * from the original, so that they cost no time after the encode.
 */
@Named("encodeLadder")
@Dependent
public class EncodeLadder extends TranscodeStep {

    @Inject
    private KinemaSettings settings;

    @Resource
    private ManagedExecutorService executor;

    @Override
    void run(TranscodeWork work) throws Exception {
        Future<?> stills = executor.submit(() -> {
            if (!work.task.customThumbnail()) {
                MediaConversions.still(settings.ffmpeg(), work.task.original(), work.source,
                        MediaConversions.THUMBNAIL_WIDTH, work.folder.thumbnail(), work.processes);
            }
            if (!work.task.customPreview()) {
                MediaConversions.still(settings.ffmpeg(), work.task.original(), work.source,
                        MediaConversions.PREVIEW_WIDTH, work.folder.preview(), work.processes);
            }
            return null;
        });
        try {
            encode(work);
        } catch (Exception encodeFailure) {
            try {
                stills.get();
            } catch (ExecutionException ignored) {
                // the encode's failure is the one to report
            }
            throw work.leaseLost ? new LeaseLost() : encodeFailure;
        }
        try {
            stills.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void encode(TranscodeWork work) throws Exception {
        long[] lastReport = {0};
        int[] lastPercent = {-1};
        LadderEncoder.encode(settings.ffmpeg(), work.task.original(), work.source, work.ladder, work.folder.hls(),
                work.prefix, work.processes, percent -> {
                    long now = System.currentTimeMillis();
                    if (percent != lastPercent[0] && now - lastReport[0] >= 1000) {
                        lastReport[0] = now;
                        lastPercent[0] = percent;
                        if (!transcoding.progress(work.claim, percent)) {
                            work.loseLease();
                        }
                    }
                });
    }
}
