package org.kinema.batch.transcode;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kinema.media.HlsPackage;
import org.kinema.media.MediaConversions;
import org.kinema.media.MediaException;
import org.kinema.media.MediaStore;
import org.kinema.platform.KinemaSettings;
import org.kinema.transcoding.TranscodedStreams;
import org.kinema.video.FileKind;
import org.kinema.video.VideoFile;
import org.kinema.video.torrent.Torrent;
import org.kinema.video.torrent.TorrentBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Turns the encoder's output into what players and peers fetch: master playlist and segment
 * hashes, a downloadable MP4 of the top rendition (a remux, no encoding), a torrent per file with
 * the instance's URL as web seed.
 */
@Named("packageStreams")
@Dependent
public class PackageStreams extends TranscodeStep {

    @Inject
    private MediaStore store;

    @Inject
    private KinemaSettings settings;

    @Override
    void run(TranscodeWork work) throws Exception {
        work.hls = HlsPackage.finish(work.workDir, work.prefix, work.ladder, work.source.fps());
        checkNothingWasLost(work);
        String hlsUrl = settings.publicUrl() + "/static/streaming-playlists/hls/" + work.task.uuid() + "/";
        for (HlsPackage.Stream stream : work.hls.streams()) {
            String torrentName = work.task.uuid() + "-" + stream.rendition().resolution() + "-hls.torrent";
            Torrent torrent = torrent(work.workDir.resolve(stream.mediaFile()), stream.mediaFile(), hlsUrl + stream.mediaFile(),
                    torrentName);
            work.files.add(new TranscodedStreams.NewFile(FileKind.HLS, stream.mediaFile(), facts(work, stream, stream.size()),
                    torrentName, torrent.infoHash()));
        }

        HlsPackage.Stream top = work.hls.streams().get(0);
        String webName = work.task.uuid() + "-" + top.rendition().resolution() + ".mp4";
        Path web = store.webVideo(webName);
        MediaConversions.remuxToMp4(settings.ffmpeg(), work.workDir.resolve(top.mediaFile()), web);
        String webTorrentName = work.task.uuid() + "-" + top.rendition().resolution() + ".torrent";
        Torrent webTorrent = torrent(web, webName, settings.publicUrl() + "/static/web-videos/" + webName, webTorrentName);
        work.files.add(new TranscodedStreams.NewFile(FileKind.WEB, webName, facts(work, top, Files.size(web)),
                webTorrentName, webTorrent.infoHash()));

    }

    /** A damaged file decodes only partly, often without ffmpeg calling it an error: compare durations. */
    private static void checkNothingWasLost(TranscodeWork work) throws MediaException {
        double encoded = work.hls.streams().get(0).segments().stream().mapToDouble(HlsPackage.Range::seconds).sum();
        double expected = work.source.durationSeconds();
        if (encoded < expected * 0.9 - 1) {
            throw new MediaException(String.format(Locale.ROOT,
                    "the file is damaged: only %.1f of its %.1f seconds could be decoded", encoded, expected));
        }
    }

    private Torrent torrent(Path file, String name, String webSeed, String torrentName) throws Exception {
        Torrent torrent = TorrentBuilder.build(file, name, settings.trackerUrls(), List.of(webSeed), "Kinema");
        Files.write(store.torrent(torrentName), torrent.metainfo());
        return torrent;
    }

    private static VideoFile.Facts facts(TranscodeWork work, HlsPackage.Stream stream, long size) {
        return new VideoFile.Facts(stream.rendition().resolution(), stream.rendition().width(), stream.rendition().height(),
                (float) stream.fps(), stream.bandwidth(), size, work.source.hasAudio(), !stream.rendition().audioOnly(),
                stream.codecs());
    }
}
