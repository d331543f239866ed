package org.kinema.batch.transcode;

import org.kinema.media.HlsPackage;
import org.kinema.media.MediaInfo;
import org.kinema.media.MediaStore;
import org.kinema.media.ProcessGroup;
import org.kinema.media.Rendition;
import org.kinema.transcoding.TranscodeClaim;
import org.kinema.transcoding.TranscodeTask;
import org.kinema.transcoding.TranscodedStreams;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Future;

/** What one execution of the job has learnt and made so far, passed from step to step. */
final class TranscodeWork {

    private static final SecureRandom RANDOM = new SecureRandom();

    final TranscodeClaim claim;
    /** The media tools of this job alone: stopping the job stops them and nothing else. */
    final ProcessGroup processes = new ProcessGroup();
    TranscodeTask task;
    MediaInfo source;
    List<Rendition> ladder;
    String prefix;
    MediaStore.WorkFolder folder;
    /** Where the complete HLS output is joined, if not in {@link #folder}'s (viewers watch a first part from there). */
    MediaStore.WorkFolder joined;
    HlsPackage.Result hls;
    final List<TranscodedStreams.NewFile> files = new ArrayList<>();
    String failure;
    /** The node stops: the job ends without blaming the video. */
    volatile boolean interrupted;
    /** Another job holds the video now: this one stops and changes nothing more. */
    volatile boolean leaseLost;
    /** The video was published while this job encoded it: its streams are served from this job's work folder. */
    volatile boolean publishedEarly;
    Future<?> renewal;

    TranscodeWork(TranscodeClaim claim) {
        this.claim = claim;
    }

    /** The folder of the complete output: the job's, with the joined HLS files if they were written apart. */
    MediaStore.WorkFolder output() {
        return joined != null ? joined : folder;
    }

    /** A new name for a set of streams: the files of each carry it, so that no two sets' files share a name. */
    static String newPrefix() {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The claim is gone: stop at once. */
    void loseLease() {
        leaseLost = true;
        processes.stop();
    }
}
