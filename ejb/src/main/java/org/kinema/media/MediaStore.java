package org.kinema.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kinema.platform.KinemaSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where files live under KINEMA_MEDIA_DIR, and what they are called. The layout follows
 * PeerTube's public paths, so that serving a file is a matter of mapping its URL to its place
 * here. Every file a transcoding makes carries the job's prefix in its name, so that a file once
 * served never changes (it may be cached for good) and a new transcoding never overwrites what
 * viewers are fetching.
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

    /** The folder of uploads in progress (the janitor sweeps it). */
    public Path uploadsDir() {
        return dir("uploads");
    }

    public Path original(UUID video, String extension) {
        return dir("originals").resolve(video + extension);
    }

    /** An original by its stored name ({@code {uuid}{extension}}). */
    public Path original(String filename) {
        return dir("originals").resolve(filename);
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

    /** A playlist's thumbnail, beside the videos' ones: {@code thumbnails/playlist-{uuid}.jpg}. */
    public Path playlistThumbnail(UUID playlist) {
        return dir("thumbnails").resolve(playlistThumbnailName(playlist));
    }

    public static String playlistThumbnailName(UUID playlist) {
        return "playlist-" + playlist + ".jpg";
    }

    /** The folder of work in progress, one sub-folder a job. */
    public Path workRoot() {
        return dir("work");
    }

    /** A scratch folder for one piece of work, on the same file system as the media. */
    public WorkFolder workFolder(String name) {
        return new WorkFolder(workRoot().resolve(name));
    }

    /** The downloadable MP4 of one transcoding. */
    public static String webVideoName(UUID video, String prefix, int resolution) {
        return video + "-" + prefix + "-" + resolution + ".mp4";
    }

    /** The torrent of a file: {@code {uuid}-{prefix}-{resolution}[-hls].torrent}. */
    public static String torrentName(UUID video, String prefix, int resolution, boolean hls) {
        return video + "-" + prefix + "-" + resolution + (hls ? "-hls" : "") + ".torrent";
    }

    /**
     * What one transcoding writes before it is published: HLS files, downloadable MP4s, torrents
     * and stills, each in the sub-folder whose files go to the same place ({@code hlsFolder}: the
     * HLS files' sub-folder, {@code hls} unless the HLS files viewers watch while the job goes on
     * are not the complete ones: see {@link #joined}).
     */
    public record WorkFolder(Path dir, String hlsFolder) {

        public WorkFolder(Path dir) {
            this(dir, "hls");
        }

        /**
         * The same folder but for its HLS files, written into another sub-folder: the complete
         * streams of a job whose first part viewers watch from the first one meanwhile.
         */
        public WorkFolder joined() {
            return new WorkFolder(dir, "hls-joined");
        }

        public Path hls() {
            return dir.resolve(hlsFolder);
        }

        public Path web() {
            return dir.resolve("web-videos");
        }

        public Path torrents() {
            return dir.resolve("torrents");
        }

        public Path thumbnail() {
            return dir.resolve("thumbnail.jpg");
        }

        public Path preview() {
            return dir.resolve("preview.jpg");
        }

        public void create() throws IOException {
            for (Path sub : new Path[] {hls(), web(), torrents()}) {
                Files.createDirectories(sub);
            }
        }
    }

    /**
     * Moves a transcoding's files where they are served: new names beside the old ones (which the
     * janitor removes once the change is committed), stills replacing the old stills.
     */
    public void install(WorkFolder work, UUID video) throws IOException {
        moveAll(work.hls(), hlsDir(video));
        moveAll(work.web(), dir("web-videos"));
        moveAll(work.torrents(), dir("torrents"));
        installStills(work, video);
    }

    /**
     * A video watched while encoding from streams under another prefix than its complete ones (the
     * first part of a split encode, or a stopped encode taken up): players that loaded them go on
     * until they reload their playlists. Their media files move beside the new ones (so that a
     * segment asked for by an old playlist is the one hashed), and their playlists and hash map
     * become the new ones' (naming the new media files), until the janitor removes the old prefix's
     * files, as it does for any transcoding that replaced another.
     */
    public void retire(WorkFolder served, UUID video, String oldPrefix, String newPrefix) throws IOException {
        retire(served.hls(), hlsDir(video), oldPrefix, newPrefix);
    }

    static void retire(Path served, Path installed, String oldPrefix, String newPrefix) throws IOException {
        if (!Files.isDirectory(served) || oldPrefix.equals(newPrefix)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(served, oldPrefix + "-*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                Path replacement = installed.resolve(newPrefix + name.substring(oldPrefix.length()));
                if (name.endsWith("-fragmented.mp4")) {
                    Files.move(file, installed.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } else if ((name.endsWith(".m3u8") || name.endsWith(".json")) && Files.isRegularFile(replacement)) {
                    GrowingHls.writeAtomically(installed.resolve(name), Files.readString(replacement));
                }
            }
        }
    }

    /** Moves a transcoding's thumbnail and preview where they are served, if it made them (and they are not moved yet). */
    public void installStills(WorkFolder work, UUID video) throws IOException {
        if (Files.exists(work.thumbnail())) {
            Files.move(work.thumbnail(), thumbnail(video), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        if (Files.exists(work.preview())) {
            Files.move(work.preview(), preview(video), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Removes what a deletion names (see the media_deletion table); what is already gone is fine. */
    public void delete(MediaKind kind, String name) throws IOException {
        switch (kind) {
            case VIDEO -> {
                UUID video = UUID.fromString(name);
                deleteRecursively(hlsDir(video));
                Files.deleteIfExists(thumbnail(video));
                Files.deleteIfExists(preview(video));
            }
            case HLS_PREFIX -> {
                int slash = name.indexOf('/');
                deleteMatching(hlsDir(UUID.fromString(name.substring(0, slash))), name.substring(slash + 1) + "-*");
            }
            case ORIGINAL -> Files.deleteIfExists(original(plainName(name)));
            case WEB -> Files.deleteIfExists(webVideo(plainName(name)));
            case TORRENT -> Files.deleteIfExists(torrent(plainName(name)));
            case UPLOAD -> Files.deleteIfExists(upload(plainName(name)));
            case PLAYLIST -> Files.deleteIfExists(playlistThumbnail(UUID.fromString(name)));
        }
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

    private static String plainName(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
            throw new IllegalArgumentException("Not a file name: " + name);
        }
        return name;
    }

    private static void moveAll(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        Files.createDirectories(to);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(from)) {
            for (Path file : files) {
                Files.move(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static void deleteMatching(Path dir, String glob) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
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
