package org.kinema.batch.transcode;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kinema.media.MediaStore;
import org.kinema.transcoding.TranscodedStreams;
import org.kinema.transcoding.TranscodingService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Puts the new streams where they are served (replacing older ones) and publishes the video. */
@Named("publishVideo")
@Dependent
public class PublishVideo extends TranscodeStep {

    @Inject
    private TranscodingService transcoding;

    @Inject
    private MediaStore store;

    @Override
    void run(TranscodeWork work) throws Exception {
        Path target = store.hlsDir(work.task.uuid());
        MediaStore.deleteRecursively(target);
        Files.move(work.workDir, target, StandardCopyOption.ATOMIC_MOVE);
        work.workDir = null;
        transcoding.publish(work.videoId, new TranscodedStreams(work.prefix, (int) Math.round(work.source.durationSeconds()),
                work.source.aspectRatio(), work.files));
    }
}
