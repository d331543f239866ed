package org.kinema.batch.transcode;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kinema.media.LadderEncoder;
import org.kinema.media.MediaConversions;
import org.kinema.media.MediaStore;
import org.kinema.platform.KinemaSettings;
import org.kinema.transcoding.TranscodingService;

import org.kinema.video.torrent.Torrent;
import org.kinema.video.torrent.TorrentBuilder;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Encodes every rendition in one ffmpeg process, reporting progress (which also renews the
 * node's lease on the video) at most once a second. Meanwhile, the original gets its torrent
 * (PeerTube clients wait for {@code files[0].torrentUrl} after an upload) and the thumbnail and
 * preview are taken from it, so that none of this costs time after the encode.
 */
@Named("encodeLadder")
@Dependent
public class EncodeLadder extends TranscodeStep {

    @Inject
    private TranscodingService transcoding;

    @Inject
    private KinemaSettings settings;

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private MediaStore store;

    @Override
    void run(TranscodeWork work) throws Exception {
        Future<?> stills = executor.submit(() -> {
            String torrentName = work.task.uuid() + "-" + work.source.resolution() + "-original.torrent";
            Torrent torrent = TorrentBuilder.build(work.task.original(), work.task.originalFilename(), settings.trackerUrls(),
                    List.of(settings.publicUrl() + "/static/web-videos/" + work.task.originalFilename()), "Kinema");
            Files.write(store.torrent(torrentName), torrent.metainfo());
            transcoding.attachOriginalTorrent(work.videoId, torrentName, torrent.infoHash());
            if (!work.task.customThumbnail()) {
                MediaConversions.still(settings.ffmpeg(), work.task.original(), work.source,
                        MediaConversions.THUMBNAIL_WIDTH, store.thumbnail(work.task.uuid()));
            }
            if (!work.task.customPreview()) {
                MediaConversions.still(settings.ffmpeg(), work.task.original(), work.source,
                        MediaConversions.PREVIEW_WIDTH, store.preview(work.task.uuid()));
            }
            return null;
        });
        try {
            encode(work);
        } catch (Exception encodeFailure) {
            try {
                stills.get();
            } catch (ExecutionException ignored) {
                // the encode's failure is the one to report
            }
            throw encodeFailure;
        }
        try {
            stills.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void encode(TranscodeWork work) throws Exception {
        long[] lastReport = {0};
        int[] lastPercent = {-1};
        LadderEncoder.encode(settings.ffmpeg(), work.task.original(), work.source, work.ladder, work.workDir, work.prefix,
                percent -> {
                    long now = System.currentTimeMillis();
                    if (percent != lastPercent[0] && now - lastReport[0] >= 1000) {
                        lastReport[0] = now;
                        lastPercent[0] = percent;
                        transcoding.progress(work.videoId, percent);
                    }
                });
    }
}
