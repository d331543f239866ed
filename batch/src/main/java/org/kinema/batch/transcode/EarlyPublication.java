package org.kinema.batch.transcode;

import org.kinema.media.GrowingHls;
import org.kinema.media.HlsPackage;
import org.kinema.media.LadderEncoder;
import org.kinema.transcoding.TranscodedStreams;
import org.kinema.transcoding.TranscodingService;
import org.kinema.video.FileKind;
import org.kinema.video.VideoFile;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows a progressive encode: at each look, the players' playlists and hash map grow with the
 * segments the encoder finished; as soon as every rendition has one (and the stills are made), the
 * master playlist is written and the video published while the encode goes on.
 */
final class EarlyPublication {

    private static final Logger LOG = Logger.getLogger(EarlyPublication.class.getName());
    private static final long PUBLISHED_LOOK_MILLIS = 1000;

    private final TranscodeWork work;
    private final TranscodingService transcoding;
    private final String prefix;
    private final GrowingHls growing;
    private final Future<?> stills;
    private final long started = System.nanoTime();
    private long firstReport;
    private long firstSegments;
    private boolean published;
    private long lastLook;

    /** Follows the encode of the whole ladder into the job's HLS folder under the job's prefix. */
    EarlyPublication(TranscodeWork work, TranscodingService transcoding, Future<?> stills) {
        this(work, transcoding, stills, work.prefix);
    }

    /**
     * Follows an encode into the job's HLS folder under {@code prefix}: the first part of a split
     * encode, whose files are not the complete ones (those are joined elsewhere, under the job's prefix).
     */
    EarlyPublication(TranscodeWork work, TranscodingService transcoding, Future<?> stills, String prefix) {
        this.work = work;
        this.transcoding = transcoding;
        this.stills = stills;
        this.prefix = prefix;
        this.growing = new GrowingHls(work.folder.hls(), prefix, work.ladder, work.source);
    }

    /** The prefix of the files it publishes. */
    String prefix() {
        return prefix;
    }

    /** The encoder has ended (the first part of a split encode): its last segments are published too. */
    void lookOnceMore() {
        lastLook = 0;
        look();
    }

    /** Called as the encoder reports progress (five times a second): looks at most once a second once published. */
    void look() {
        long now = System.currentTimeMillis();
        if (firstReport == 0) {
            firstReport = System.nanoTime();
        }
        if (published && now - lastLook < PUBLISHED_LOOK_MILLIS || work.leaseLost) {
            return;
        }
        lastLook = now;
        try {
            int segments = growing.refresh();
            if (segments > 0 && firstSegments == 0) {
                firstSegments = System.nanoTime();
            }
            if (!published && segments > 0 && stills.isDone() && !nearlyDone(segments)) {
                publish();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Video " + work.claim.videoId() + ": could not follow the encode's output; trying again", e);
        }
    }

    /**
     * Whether the encode is about to end anyway (its segments cover the source but for the last
     * one): the video is then published once, complete, rather than announced and updated at once.
     */
    private boolean nearlyDone(int segments) {
        double covered = LadderEncoder.FIRST_SEGMENT_SECONDS + (segments - 1) * LadderEncoder.SEGMENT_SECONDS;
        return covered + LadderEncoder.SEGMENT_SECONDS >= work.source.durationSeconds();
    }

    private void publish() throws IOException {
        List<TranscodedStreams.NewFile> files = growing.writeMaster().stream().map(this::file).toList();
        published = true;
        if (!transcoding.publishWhileEncoding(work.claim, new TranscodedStreams(prefix,
                (int) Math.round(work.source.durationSeconds()), work.source.aspectRatio(), files), work.folder)) {
            work.loseLease();
            return;
        }
        work.publishedEarly = true;
        LOG.info(() -> String.format("Video %d: watchable %.2f s after its encode started (first progress report after"
                + " %.2f s, first segments after %.2f s)", work.claim.videoId(), (System.nanoTime() - started) / 1e9,
                (firstReport - started) / 1e9, (firstSegments - started) / 1e9));
    }

    private TranscodedStreams.NewFile file(HlsPackage.Stream stream) {
        VideoFile.Facts facts = new VideoFile.Facts(stream.rendition().resolution(), stream.rendition().width(),
                stream.rendition().height(), (float) stream.fps(), stream.bandwidth(), 0, work.source.hasAudio(),
                !stream.rendition().audioOnly(), stream.codecs());
        return new TranscodedStreams.NewFile(FileKind.HLS, stream.mediaFile(), facts, null, null, null);
    }
}
