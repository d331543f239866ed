package org.kinema.batch.transcode;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kinema.media.Ffprobe;
import org.kinema.media.Ladder;
import org.kinema.media.MediaStore;
import org.kinema.platform.KinemaSettings;
import org.kinema.transcoding.TranscodingService;
import org.kinema.video.torrent.Torrent;
import org.kinema.video.torrent.TorrentBuilder;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the original again, chooses the ladder, and gives the original its torrent so that
 * PeerTube clients waiting for {@code files[0].torrentUrl} see it soon after the upload.
 */
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

    @Inject
    private KinemaSettings settings;

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

        String torrentName = work.task.uuid() + "-" + work.source.resolution() + "-original.torrent";
        Torrent torrent = TorrentBuilder.build(work.task.original(), work.task.originalFilename(), settings.trackerUrls(),
                List.of(settings.publicUrl() + "/static/web-videos/" + work.task.originalFilename()), "Kinema");
        Files.write(store.torrent(torrentName), torrent.metainfo());
        transcoding.attachOriginalTorrent(work.videoId, torrentName, torrent.infoHash());
    }
}
