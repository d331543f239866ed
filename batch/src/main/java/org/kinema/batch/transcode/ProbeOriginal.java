package org.kinema.batch.transcode;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kinema.media.Ffprobe;
import org.kinema.media.Ladder;
import org.kinema.media.MediaStore;
import org.kinema.transcoding.TranscodingService;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Reads the original again and chooses the ladder and the name of the new streams. */
@Named("probeOriginal")
@Dependent
public class ProbeOriginal extends TranscodeStep {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private TranscodingService transcoding;

    @Inject
    private Ffprobe ffprobe;

    @Inject
    private MediaStore store;

    @Override
    void run(TranscodeWork work) throws Exception {
        work.task = transcoding.task(work.videoId);
        work.source = ffprobe.probe(work.task.original());
        work.ladder = Ladder.choose(work.source);
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        work.prefix = HexFormat.of().formatHex(random);
        work.workDir = store.workDir(work.task.uuid() + "-" + work.prefix);
        Files.createDirectories(work.workDir);
    }
}
