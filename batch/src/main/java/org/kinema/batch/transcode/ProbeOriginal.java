package org.kinema.batch.transcode;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kinema.media.Ffprobe;
import org.kinema.media.Ladder;
import org.kinema.media.MediaStore;
import org.kinema.platform.KinemaSettings;

/**
 * Reads the original again, chooses the ladder and the prefix that names this transcoding's
 * files, and opens the claim's work folder.
 */
@Named("probeOriginal")
@Dependent
public class ProbeOriginal extends TranscodeStep {

    @Inject
    private KinemaSettings settings;

    @Inject
    private MediaStore store;

    @Override
    void run(TranscodeWork work) throws Exception {
        work.task = transcoding.task(work.claim).orElseThrow(() -> {
            work.leaseLost = true;
            return new LeaseLost();
        });
        work.source = Ffprobe.probe(settings.ffprobe(), work.task.original(), work.processes);
        work.ladder = Ladder.choose(work.source);
        work.prefix = TranscodeWork.newPrefix();
        work.folder = store.workFolder(work.claim.leaseId());
        work.folder.create();
    }
}
