package org.kinema.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kinema.platform.KinemaSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where files live under KINEMA_MEDIA_DIR. The layout follows PeerTube's public paths, so that
 * serving a file is a matter of mapping its URL to its place here.
 */
@ApplicationScoped
public class MediaStore {

    @Inject
    private KinemaSettings settings;

    public Path root() {
        return settings.mediaDir();
    }

    public Path upload(String uploadId) {
        return dir("uploads").resolve(uploadId);
    }

    public Path original(UUID video, String extension) {
        return dir("originals").resolve(video + extension);
    }

    /** The folder of a video's HLS streams: {@code streaming-playlists/hls/{uuid}}. */
    public Path hlsDir(UUID video) {
        return dir("streaming-playlists/hls").resolve(video.toString());
    }

    public Path webVideo(String filename) {
        return dir("web-videos").resolve(filename);
    }

    public Path torrent(String filename) {
        return dir("torrents").resolve(filename);
    }

    public Path thumbnail(UUID video) {
        return dir("thumbnails").resolve(video + ".jpg");
    }

    public Path preview(UUID video) {
        return dir("previews").resolve(video + ".jpg");
    }

    /** A scratch folder for one piece of work, on the same file system as the media. */
    public Path workDir(String name) {
        return dir("work").resolve(name);
    }

    private Path dir(String relative) {
        Path dir = root().resolve(relative);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create media folder " + dir, e);
        }
        return dir;
    }

    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
