package org.kinema.batch.transcode;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kinema.media.Ffprobe;
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
 * the instance's URL as web seed, and ffprobe's description of every file — all in the claim's
 * work folder, until the video is published.
 */
@Named("packageStreams")
@Dependent
public class PackageStreams extends TranscodeStep {

    @Inject
    private KinemaSettings settings;

    @Override
    void run(TranscodeWork work) throws Exception {
        MediaStore.WorkFolder folder = work.output();
        work.hls = HlsPackage.finish(folder.hls(), work.prefix, work.ladder, work.source.fps());
        checkNothingWasLost(work);
        String hlsUrl = settings.publicUrl() + "/static/streaming-playlists/hls/" + work.task.uuid() + "/";
        for (HlsPackage.Stream stream : work.hls.streams()) {
            Path file = folder.hls().resolve(stream.mediaFile());
            String torrentName = MediaStore.torrentName(work.task.uuid(), work.prefix, stream.rendition().resolution(), true);
            Torrent torrent = torrent(folder, file, stream.mediaFile(), hlsUrl + stream.mediaFile(), torrentName);
            work.files.add(new TranscodedStreams.NewFile(FileKind.HLS, stream.mediaFile(), facts(work, stream, stream.size()),
                    torrentName, torrent.infoHash(), metadata(work, file)));
        }

        HlsPackage.Stream top = work.hls.streams().get(0);
        String webName = MediaStore.webVideoName(work.task.uuid(), work.prefix, top.rendition().resolution());
        Path web = folder.web().resolve(webName);
        MediaConversions.remuxToMp4(settings.ffmpeg(), folder.hls().resolve(top.mediaFile()), web, work.processes);
        String webTorrentName = MediaStore.torrentName(work.task.uuid(), work.prefix, top.rendition().resolution(), false);
        Torrent webTorrent = torrent(folder, web, webName, settings.publicUrl() + "/static/web-videos/" + webName,
                webTorrentName);
        work.files.add(new TranscodedStreams.NewFile(FileKind.WEB, webName, facts(work, top, Files.size(web)),
                webTorrentName, webTorrent.infoHash(), metadata(work, web)));
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

    private Torrent torrent(MediaStore.WorkFolder folder, Path file, String name, String webSeed, String torrentName)
            throws Exception {
        Torrent torrent = TorrentBuilder.build(file, name, settings.trackerUrls(), List.of(webSeed), "Kinema");
        Files.write(folder.torrents().resolve(torrentName), torrent.metainfo());
        return torrent;
    }

    private String metadata(TranscodeWork work, Path file) throws MediaException {
        return Ffprobe.json(settings.ffprobe(), file, work.processes);
    }

    private static VideoFile.Facts facts(TranscodeWork work, HlsPackage.Stream stream, long size) {
        return new VideoFile.Facts(stream.rendition().resolution(), stream.rendition().width(), stream.rendition().height(),
                (float) stream.fps(), stream.bandwidth(), size, work.source.hasAudio(), !stream.rendition().audioOnly(),
                stream.codecs());
    }
}
