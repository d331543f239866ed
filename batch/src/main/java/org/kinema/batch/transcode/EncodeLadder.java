package org.kinema.batch.transcode;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kinema.media.LadderEncoder;
import org.kinema.media.MediaConversions;
import org.kinema.media.Part;
import org.kinema.platform.KinemaSettings;
import org.kinema.transcoding.PartTranscoding;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Encodes every rendition in one ffmpeg process, reporting progress at most once a second; a
 * report the claim no longer holds stops the job. A new video is published while it encodes, as
 * soon as every rendition has its first segment ({@link EarlyPublication}). A long source, while
 * other nodes run, is cut into parts that every node with room encodes at once
 * ({@link SplitEncode}); a new video is then published while its first part is encoded.
 * Meanwhile the thumbnail and preview are taken from the original, so that they cost no time
 * after the encode.
 */
@Named("encodeLadder")
@Dependent
public class EncodeLadder extends TranscodeStep {

    @Inject
    private KinemaSettings settings;

    @Inject
    private PartTranscoding parts;

    @Resource
    private ManagedExecutorService executor;

    @Resource
    private ManagedScheduledExecutorService timer;

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
            encode(work, stills);
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

    private void encode(TranscodeWork work, Future<?> stills) throws Exception {
        Optional<ResumedEncode> resumed = ResumedEncode.of(work);
        if (resumed.isPresent()) {
            resumed.get().run(settings.ffmpeg(), reporter(work));
            return;
        }
        List<Part> cut = work.source.hasVideo() ? LadderEncoder.parts(work.source.durationSeconds(),
                settings.transcodingPartSeconds()) : List.of();
        boolean publishEarly = settings.publishWhileEncoding() && !work.task.watchable();
        if (cut.size() > 1 && parts.othersCanHelp()) {
            // the first part's streams are named apart: the joined ones replace them
            Optional<EarlyPublication> early = publishEarly
                    ? Optional.of(new EarlyPublication(work, transcoding, stills, TranscodeWork.newPrefix()))
                    : Optional.empty();
            new SplitEncode(work, settings, parts, reporter(work), timer, early).run(cut, executor);
        } else if (publishEarly) {
            EarlyPublication early = new EarlyPublication(work, transcoding, stills);
            IntConsumer reporter = reporter(work);
            LadderEncoder.encode(settings.ffmpeg(), work.task.original(), work.source, work.ladder, work.folder.hls(),
                    work.prefix, true, work.processes, percent -> {
                        reporter.accept(percent);
                        early.look();
                    });
        } else {
            LadderEncoder.encode(settings.ffmpeg(), work.task.original(), work.source, work.ladder, work.folder.hls(),
                    work.prefix, work.processes, reporter(work));
        }
    }

    /** Reports the video's progress, at most once a second; a report the claim no longer holds stops the job. */
    private IntConsumer reporter(TranscodeWork work) {
        return new OncePerSecond(percent -> {
            if (!transcoding.progress(work.claim, percent)) {
                work.loseLease();
            }
        });
    }
}
