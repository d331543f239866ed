package org.kinema.batch.transcode;

import org.kinema.media.HlsPackage;
import org.kinema.media.MediaInfo;
import org.kinema.media.Rendition;
import org.kinema.transcoding.TranscodeTask;
import org.kinema.transcoding.TranscodedStreams;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What one execution of the job has learnt and made so far, passed from step to step. */
final class TranscodeWork {

    final long videoId;
    TranscodeTask task;
    MediaInfo source;
    List<Rendition> ladder;
    String prefix;
    Path workDir;
    HlsPackage.Result hls;
    final List<TranscodedStreams.NewFile> files = new ArrayList<>();
    String failure;
    volatile boolean interrupted;

    TranscodeWork(long videoId) {
        this.videoId = videoId;
    }
}
