package org.kinema.batch.transcode;

import jakarta.annotation.Resource;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kinema.media.Ffprobe;
import org.kinema.media.Ladder;
import org.kinema.media.LadderEncoder;
import org.kinema.media.MediaInfo;
import org.kinema.media.ProcessGroup;
import org.kinema.platform.KinemaSettings;
import org.kinema.transcoding.PartClaim;
import org.kinema.transcoding.PartTranscoding;
import org.kinema.transcoding.TranscodeScheduler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Encodes one part of a video that another job split, into that job's work folder (which every
 * node mounts), under a lease of its own renewed while it runs. A part it cannot encode fails the
 * video's transcoding with the reason; a node that stops gives its part back at once; a part
 * whose lease (or whose video's lease) is gone is left to its new holder.
 */
@Named("encodePart")
@Dependent
public class EncodePart extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(EncodePart.class.getName());

    @Inject
    private JobContext job;

    @Inject
    private PartTranscoding parts;

    @Inject
    private TranscodeScheduler scheduler;

    @Inject
    private KinemaSettings settings;

    @Resource
    private ManagedScheduledExecutorService timer;

    private final ProcessGroup processes = new ProcessGroup();
    private volatile boolean lost;
    private volatile boolean interrupted;

    @Override
    public String process() throws Exception {
        PartClaim claim = PartClaim.of(BatchRuntime.getJobOperator().getParameters(job.getExecutionId()));
        long every = settings.transcodingLease().toMillis() / 4;
        Future<?> renewal = timer.scheduleAtFixedRate(() -> renew(claim), every, every, TimeUnit.MILLISECONDS);
        Path out = null;
        long started = System.nanoTime();
        try {
            Path original = parts.original(claim).orElse(null);
            if (original == null) {
                lost = true;
                return BatchStatus.STOPPED.name();
            }
            MediaInfo source = Ffprobe.probe(settings.ffprobe(), original, processes);
            Path folder = parts.folder(claim.videoLeaseId());
            Files.createDirectories(folder);
            out = folder.resolve(claim.output());
            LadderEncoder.encodePart(settings.ffmpeg(), original, source, Ladder.choose(source), claim.part(), out,
                    processes, new OncePerSecond(percent -> {
                        if (!parts.progress(claim, percent)) {
                            lose();
                        }
                    }));
            renewal.cancel(false); // before the part is finished: a renewal after it would find it gone and cry wolf
            if (!parts.finish(claim, claim.output())) {
                lost = true;
                Files.deleteIfExists(out);
                return BatchStatus.STOPPED.name();
            }
            LOG.info(() -> String.format("Video %d: part %d encoded here in %.2f s", claim.videoId(),
                    claim.part().index() + 1, (System.nanoTime() - started) / 1e9));
            return BatchStatus.COMPLETED.name();
        } catch (Exception e) {
            ended(claim, e);
            if (out != null) {
                Files.deleteIfExists(out);
            }
            if (lost || interrupted) {
                return BatchStatus.STOPPED.name();
            }
            throw e;
        } finally {
            renewal.cancel(false);
            processes.stop();
            processes.close();
            try {
                scheduler.finished(claim.videoId());
            } catch (RuntimeException e) {
                LOG.fine(() -> "Scheduler gone (the server is stopping): " + e);
            }
        }
    }

    /** The node stops: end the part's tool; the part goes back to the queue. */
    @Override
    public void stop() {
        interrupted = true;
        processes.stop();
    }

    private void ended(PartClaim claim, Exception e) {
        try {
            if (interrupted || scheduler.isStopping()) {
                interrupted = true;
                parts.release(claim);
            } else if (!lost) {
                LOG.log(Level.WARNING, "Video " + claim.videoId() + ": part " + (claim.part().index() + 1) + " failed", e);
                parts.fail(claim, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        } catch (RuntimeException again) {
            LOG.log(Level.FINE, "Could not record the end of a part; its lease runs out by itself", again);
        }
    }

    private void renew(PartClaim claim) {
        try {
            if (!lost && !parts.renew(claim)) {
                LOG.warning(() -> "Video " + claim.videoId() + ": part " + (claim.part().index() + 1)
                        + " is no longer this job's; stopping");
                lose();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not renew the lease of a part of video " + claim.videoId() + "; trying again", e);
        }
    }

    private void lose() {
        lost = true;
        processes.stop();
    }
}
