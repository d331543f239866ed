package org.kinema.batch.transcode;

import org.kinema.media.GrowingHls;
import org.kinema.media.LadderEncoder;
import org.kinema.media.MediaException;
import org.kinema.media.Part;
import org.kinema.media.Rendition;
import org.kinema.transcoding.TranscodeTask;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.logging.Logger;

/**
 * Takes up the encode of a video that a stopped job had published while encoding (a restart, a
 * node that died): the segments that job finished and published stay as they are; only the rest
 * of the source is encoded, from the boundary after them, and each rendition's finished head and
 * new tail are joined by copy into the HLS output one encode would have written. The video stays
 * watchable from the stopped job's folder meanwhile.
 */
final class ResumedEncode {

    private static final Logger LOG = Logger.getLogger(ResumedEncode.class.getName());
    /** Too little left to gain from a resume: the source is encoded again whole. */
    private static final double LEAST_KEPT_SECONDS = 2 * LadderEncoder.SEGMENT_SECONDS;

    private final TranscodeWork work;
    private final TranscodeTask.StoppedEncode stopped;
    private final GrowingHls.Finished finished;
    private final int start;

    private ResumedEncode(TranscodeWork work, TranscodeTask.StoppedEncode stopped, GrowingHls.Finished finished, int start) {
        this.work = work;
        this.stopped = stopped;
        this.finished = finished;
        this.start = start;
    }

    /**
     * The resume of the job's video, if a stopped encode left enough of it on the segment grid
     * (every rendition of the ladder, at least 4 s of it, and more than a segment still to encode).
     */
    static Optional<ResumedEncode> of(TranscodeWork work) throws IOException {
        Optional<TranscodeTask.StoppedEncode> stopped = work.task.stopped();
        if (stopped.isEmpty() || stopped.get().prefix() == null || !work.source.hasVideo()
                || work.ladder.get(0).audioOnly()) {
            return Optional.empty();
        }
        Optional<GrowingHls.Finished> finished = GrowingHls.finished(stopped.get().hls(), stopped.get().prefix(), work.ladder);
        if (finished.isEmpty()) {
            return Optional.empty();
        }
        // segments of 1 s, 1 s, then 2 s: the end of the k-th is at 2 (k - 1) s
        int start = (finished.get().segments() - 1) * LadderEncoder.SEGMENT_SECONDS;
        if (Math.abs(finished.get().seconds() - start) > 0.1 || start < LEAST_KEPT_SECONDS
                || work.source.durationSeconds() - start <= LadderEncoder.SEGMENT_SECONDS) {
            return Optional.empty();
        }
        return Optional.of(new ResumedEncode(work, stopped.get(), finished.get(), start));
    }

    /** Encodes the rest and joins; progress in percent of the whole source, counting what was kept. */
    void run(String ffmpeg, IntConsumer progress) throws IOException, MediaException {
        double duration = work.source.durationSeconds();
        LOG.info(() -> String.format("Video %d: resuming its encode at %d s (%d segments kept of the stopped job's)",
                work.claim.videoId(), start, finished.segments()));
        Path dir = Files.createDirectories(work.folder.dir().resolve("resume"));
        Path tail = Files.createDirectories(dir.resolve("tail"));
        LadderEncoder.encodeTail(ffmpeg, work.task.original(), work.source, work.ladder, start, tail, "tail", work.processes,
                percent -> progress.accept((int) Math.min(99, (start + percent * (duration - start) / 100) * 100 / duration)));
        List<Path> lists = new ArrayList<>();
        List<Part> halves = List.of(new Part(0, 0, start, false),
                new Part(1, start, (int) Math.ceil(duration) - start, true));
        for (int i = 0; i < work.ladder.size(); i++) {
            Rendition rendition = work.ladder.get(i);
            String head = "head-" + rendition.resolution() + ".mp4";
            copyHead(stopped.hls().resolve(GrowingHls.mediaFile(stopped.prefix(), rendition)), finished.bytes().get(i),
                    dir.resolve(head));
            Path list = dir.resolve(rendition.resolution() + ".ffconcat");
            Files.writeString(list, LadderEncoder.concatList(halves,
                    List.of(head, "tail/" + GrowingHls.mediaFile("tail", rendition))), StandardCharsets.UTF_8);
            lists.add(list);
        }
        LadderEncoder.joinRenditions(ffmpeg, lists, work.source.hasAudio(), work.ladder, work.folder.hls(), work.prefix,
                work.processes);
        LOG.info(() -> "Video " + work.claim.videoId() + ": resumed encode joined");
    }

    /** The first {@code bytes} of a file: its header and the segments kept. */
    private static void copyHead(Path file, long bytes, Path copy) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                     StandardOpenOption.WRITE)) {
            if (in.size() < bytes) {
                throw new IOException(file + " is shorter than its playlist says");
            }
            for (long copied = 0; copied < bytes; ) {
                copied += in.transferTo(copied, bytes - copied, out);
            }
        }
    }
}
