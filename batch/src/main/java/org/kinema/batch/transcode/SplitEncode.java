package org.kinema.batch.transcode;

import org.kinema.media.GrowingHls;
import org.kinema.media.LadderEncoder;
import org.kinema.media.MediaException;
import org.kinema.media.Part;
import org.kinema.platform.KinemaSettings;
import org.kinema.transcoding.PartClaim;
import org.kinema.transcoding.PartState;
import org.kinema.transcoding.PartTranscoding;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The video's job encoding a long source in parts: it makes the parts, encodes one after another
 * itself while part jobs on other nodes take the rest, takes up again a part whose node died,
 * encodes the audio beside them, and joins everything into the HLS output one encode would write.
 * A new video is published while its first part is encoded, as a whole encode publishes it (the
 * audio is then encoded after that part); its viewers watch that part until the joined streams
 * replace it.
 */
final class SplitEncode {

    private static final Logger LOG = Logger.getLogger(SplitEncode.class.getName());
    private static final long POLL_MILLIS = 500;

    private final TranscodeWork work;
    private final KinemaSettings settings;
    private final PartTranscoding parts;
    private final IntConsumer videoProgress;
    private final ScheduledExecutorService timer;
    private final Optional<EarlyPublication> early;

    /**
     * {@code early}: to publish the video as soon as the first part has its first segments, as a
     * whole encode would (empty to publish it when the parts are joined).
     */
    SplitEncode(TranscodeWork work, KinemaSettings settings, PartTranscoding parts, IntConsumer videoProgress,
                ScheduledExecutorService timer, Optional<EarlyPublication> early) {
        this.work = work;
        this.settings = settings;
        this.parts = parts;
        this.videoProgress = videoProgress;
        this.timer = timer;
        this.early = early;
    }

    void run(List<Part> cut, ExecutorService executor) throws Exception {
        Path folder = parts.folder(work.claim.leaseId());
        Files.createDirectories(folder);
        if (!parts.split(work.claim, cut)) {
            throw lost();
        }
        LOG.info(() -> "Video " + work.claim.videoId() + ": " + cut.size() + " parts of " + cut.get(0).seconds()
                + " s, for any node to encode");
        // while viewers wait for the first segments, the first part's encode has the node's cores; the audio comes after
        boolean watchedMeanwhile = early.isPresent() && encodeFirstPartWatchable(early.get(), folder);
        Path audio = work.source.hasAudio() ? folder.resolve("audio.mp4") : null;
        Future<?> audioDone = executor.submit(() -> {
            if (audio != null) {
                LadderEncoder.encodeAudio(settings.ffmpeg(), work.task.original(), audio, work.processes);
            }
            return null;
        });
        List<PartState> done = encodeAll(folder);
        try {
            audioDone.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        Path list = folder.resolve("parts.ffconcat");
        Files.writeString(list, LadderEncoder.concatList(done.stream().map(PartState::part).toList(),
                done.stream().map(PartState::output).toList()), StandardCharsets.UTF_8);
        if (watchedMeanwhile) {
            // the first part's streams stay as they are while viewers fetch them; the complete ones go beside
            work.joined = work.folder.joined();
            Files.createDirectories(work.joined.hls());
        }
        LadderEncoder.join(settings.ffmpeg(), list, audio, work.ladder, work.output().hls(), work.prefix, work.processes);
        LOG.info(() -> "Video " + work.claim.videoId() + ": parts encoded by " + done.stream().map(PartState::encodedBy)
                .distinct().toList() + ", joined");
    }

    /** Encodes waiting parts until none is left, then waits for the others' parts; all parts, encoded. */
    private List<PartState> encodeAll(Path folder) throws Exception {
        while (true) {
            if (work.leaseLost) {
                throw lost();
            }
            if (work.interrupted) {
                throw new MediaException("stopped with the server");
            }
            Optional<PartClaim> mine = parts.claimOwn(work.claim);
            if (mine.isPresent()) {
                encode(mine.get(), folder);
                continue;
            }
            List<PartState> states = parts.states(work.claim);
            Optional<PartState> failed = states.stream().filter(state -> state.failure() != null).findFirst();
            if (failed.isPresent()) {
                throw new MediaException("part " + (failed.get().part().index() + 1) + " of " + states.size() + ": "
                        + failed.get().failure());
            }
            if (states.isEmpty()) {
                throw lost();
            }
            report(states);
            if (states.stream().allMatch(PartState::done)) {
                return states;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * Encodes the first part, if this job gets it before another node does, as a whole encode of
     * its time range would be encoded (every rendition with its audio, progressively, into the
     * job's HLS folder under the early publication's prefix), for the video to be published from
     * it as soon as its first segments exist; then copies its video into the part that the join
     * takes. False (another part encoded instead, or none) if another job had taken the first part.
     */
    private boolean encodeFirstPartWatchable(EarlyPublication publication, Path folder) throws Exception {
        Optional<PartClaim> mine = parts.claimOwn(work.claim);
        if (mine.isEmpty()) {
            return false;
        }
        PartClaim claim = mine.get();
        if (claim.part().index() != 0) {
            encode(claim, folder);
            return false;
        }
        encodeUnderLease(claim, folder, () -> {
            IntConsumer progress = partProgress(claim);
            LadderEncoder.encodeFirstPart(settings.ffmpeg(), work.task.original(), work.source, work.ladder, claim.part(),
                    work.folder.hls(), publication.prefix(), work.processes, percent -> {
                        progress.accept(percent);
                        publication.look();
                    });
            publication.lookOnceMore();
            LadderEncoder.renditionsToPart(settings.ffmpeg(), work.ladder.stream()
                    .map(rendition -> work.folder.hls().resolve(GrowingHls.mediaFile(publication.prefix(), rendition)))
                    .toList(), folder.resolve(claim.output()), work.processes);
        });
        return true;
    }

    private void encode(PartClaim claim, Path folder) throws Exception {
        encodeUnderLease(claim, folder, () -> LadderEncoder.encodePart(settings.ffmpeg(), work.task.original(),
                work.source, work.ladder, claim.part(), folder.resolve(claim.output()), work.processes, partProgress(claim)));
    }

    /**
     * Encodes a part under its own lease, renewed while it runs like any part job's. A part whose
     * lease this job loses anyway (the database out of reach for a lease's time) is another job's
     * now: its output is dropped and the job goes on with the others.
     */
    private void encodeUnderLease(PartClaim claim, Path folder, PartEncoding encoding) throws Exception {
        long every = settings.transcodingLease().toMillis() / 4;
        Future<?> renewal = timer.scheduleAtFixedRate(() -> renew(claim), every, every, TimeUnit.MILLISECONDS);
        try {
            encoding.run();
        } catch (Exception e) {
            if (!work.leaseLost && !work.interrupted) {
                parts.fail(claim, e.getMessage());
            }
            throw e;
        } finally {
            renewal.cancel(false);
        }
        if (!parts.finish(claim, claim.output())) {
            Files.deleteIfExists(folder.resolve(claim.output()));
            LOG.warning(() -> "Video " + work.claim.videoId() + ": part " + (claim.part().index() + 1)
                    + " was taken by another job meanwhile; its output here is dropped");
        }
    }

    /** The part's progress, and the video's with it, at most once a second. */
    private IntConsumer partProgress(PartClaim claim) {
        return new OncePerSecond(percent -> {
            parts.progress(claim, percent);
            report(parts.states(work.claim));
        });
    }

    @FunctionalInterface
    private interface PartEncoding {
        void run() throws Exception;
    }

    private void renew(PartClaim claim) {
        try {
            parts.renew(claim);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not renew the lease of a part of video " + claim.videoId() + "; trying again", e);
        }
    }

    /** The video's progress: the seconds of every part encoded so far, wherever. */
    private void report(List<PartState> states) {
        double total = 0;
        double done = 0;
        for (PartState state : states) {
            total += state.part().seconds();
            done += state.secondsDone();
        }
        if (total > 0) {
            videoProgress.accept((int) Math.min(99, done * 100 / total));
        }
    }

    private LeaseLost lost() {
        work.leaseLost = true;
        return new LeaseLost();
    }
}
