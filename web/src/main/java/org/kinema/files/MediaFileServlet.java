package org.kinema.files;

import io.undertow.io.BufferWritableOutputStream;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kinema.account.Caller;
import org.kinema.api.platform.BearerTokenFilter;
import org.kinema.api.platform.ProblemMapper;
import org.kinema.auth.TokenService;
import org.kinema.media.MediaStore;
import org.kinema.platform.DomainException;
import org.kinema.playlist.PlaylistPrivacy;
import org.kinema.playlist.PlaylistService;
import org.kinema.video.FileAccess;
import org.kinema.video.FileKind;
import org.kinema.video.VideoAccess;
import org.kinema.video.VideoService;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Media files at PeerTube's paths. Files of videos that are not public or unlisted are served
 * only with a bearer token or a {@code videoFileToken} of someone allowed to watch the video;
 * originals only to whoever manages their video. A transcoding's files never change under their
 * name (the name carries the transcoding's prefix), so public ones are cached for good; images
 * keep their names and are revalidated, as are the streams of a video published while encoding
 * (its playlists grow), served from its job's work folder until they are complete. A playlist's thumbnail is served to whoever may see the
 * playlist. Bytes go out with {@code sendfile} where Undertow can.
 */
@WebServlet({"/static/*", "/lazy-static/*", "/download/*"})
public class MediaFileServlet extends HttpServlet {

    private static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,254}";
    private static final Pattern HLS = Pattern.compile("/(static|download)/streaming-playlists/hls/(?:private/)?(" + UUID_TEXT + ")/(" + NAME + ")");
    private static final Pattern WEB = Pattern.compile("/(static|download)/web-videos/(?:private/)?(" + NAME + ")");
    private static final Pattern ORIGINAL = Pattern.compile("/download/original-video-files/(" + NAME + ")");
    private static final Pattern TORRENT = Pattern.compile("/(lazy-static|download)/torrents/(" + NAME + "\\.torrent)");
    private static final Pattern IMAGE = Pattern.compile("/lazy-static/(thumbnails|previews)/(" + UUID_TEXT + ")\\.jpg");
    private static final Pattern PLAYLIST_IMAGE = Pattern.compile("/lazy-static/thumbnails/playlist-(" + UUID_TEXT + ")\\.jpg");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "public, no-cache";
    private static final String PRIVATE = "private, no-cache";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Map<String, String> TYPES = Map.of(
            "m3u8", "application/vnd.apple.mpegurl", "mp4", "video/mp4", "m4a", "audio/mp4", "json", "application/json",
            "torrent", "application/x-bittorrent", "jpg", "image/jpeg", "webm", "video/webm", "mkv", "video/x-matroska",
            "mov", "video/quicktime");

    @Inject
    private VideoService videos;

    @Inject
    private TokenService tokens;

    @Inject
    private MediaStore store;

    @Inject
    private PlaylistService playlists;

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        cors(response);
        response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "Range, Authorization");
        response.setHeader("Access-Control-Max-Age", "86400");
        response.setStatus(204);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean withBody) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            Resolved file = resolve(path, caller(request), request.getParameter("videoFileToken"));
            if (file == null || !Files.isRegularFile(file.path())) {
                throw DomainException.notFound("File not found");
            }
            send(request, response, file, path.startsWith("/download/"), withBody);
        } catch (NoSuchFileException e) {
            ProblemMapper.problemFor(DomainException.notFound("File not found"), path).writeTo(response, withBody);
        } catch (RuntimeException e) {
            ProblemMapper.problemFor(e, path).writeTo(response, withBody);
        }
    }

    /** A file to send and how it may be cached. */
    private record Resolved(Path path, String cacheControl) {
    }

    private Resolved resolve(String path, Caller caller, String fileToken) {
        Matcher hls = HLS.matcher(path);
        if (hls.matches()) {
            VideoAccess video = videos.forFiles(caller, UUID.fromString(hls.group(2)), fileToken);
            Path installed = store.hlsDir(video.uuid()).resolve(hls.group(3));
            if (video.encodingFolder() == null) {
                return new Resolved(installed, cache(video, IMMUTABLE));
            }
            // published while encoding: its streams grow in the job's work folder until they are moved in place
            // (looked for there, then in place again, should the move happen in between), and are revalidated
            Path growing = store.workFolder(video.encodingFolder()).hls().resolve(hls.group(3));
            Path file = Files.exists(installed) ? installed : Files.exists(growing) ? growing : installed;
            return new Resolved(file, cache(video, REVALIDATE));
        }
        Matcher web = WEB.matcher(path);
        if (web.matches()) {
            FileAccess file = videos.fileNamed(caller, web.group(2), fileToken);
            return file.kind() == FileKind.WEB ? new Resolved(store.webVideo(file.filename()), cache(file.video(), IMMUTABLE)) : null;
        }
        Matcher original = ORIGINAL.matcher(path);
        if (original.matches()) {
            FileAccess file = videos.fileNamed(caller, original.group(1), fileToken);
            return file.kind() == FileKind.ORIGINAL ? new Resolved(store.original(file.filename()), "private, no-store") : null;
        }
        Matcher torrent = TORRENT.matcher(path);
        if (torrent.matches()) {
            FileAccess file = videos.fileNamed(caller, torrent.group(2), fileToken);
            return file.kind() == FileKind.ORIGINAL ? null
                    : new Resolved(store.torrent(torrent.group(2)), cache(file.video(), IMMUTABLE));
        }
        Matcher playlistImage = PLAYLIST_IMAGE.matcher(path);
        if (playlistImage.matches()) {
            UUID playlist = UUID.fromString(playlistImage.group(1));
            PlaylistPrivacy privacy = playlists.thumbnailOf(caller, playlist)
                    .orElseThrow(() -> DomainException.notFound("File not found"));
            return new Resolved(store.playlistThumbnail(playlist), privacy == PlaylistPrivacy.PRIVATE ? PRIVATE : REVALIDATE);
        }
        Matcher image = IMAGE.matcher(path);
        if (image.matches()) {
            VideoAccess video = videos.forFiles(caller, UUID.fromString(image.group(2)), fileToken);
            Path jpeg = image.group(1).equals("thumbnails") ? store.thumbnail(video.uuid()) : store.preview(video.uuid());
            return new Resolved(jpeg, cache(video, REVALIDATE));
        }
        return null;
    }

    private static String cache(VideoAccess video, String whenPublic) {
        return video.privacy().isOpenToAnyone() ? whenPublic : PRIVATE;
    }

    private Caller caller(HttpServletRequest request) {
        return BearerTokenFilter.callerOf(request.getHeader("Authorization"), tokens).orElse(null);
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, Resolved file, boolean attachment,
                             boolean withBody) throws IOException {
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            long size = channel.size();
            Instant modified = Files.getLastModifiedTime(file.path()).toInstant().truncatedTo(ChronoUnit.SECONDS);
            String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified.getEpochSecond()) + "\"";
            cors(response);
            response.setHeader("Accept-Ranges", "bytes");
            response.setHeader("Cache-Control", file.cacheControl());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("ETag", etag);
            response.setHeader("Last-Modified", HTTP_DATE.format(modified));
            if (notModified(request, etag, modified)) {
                response.setStatus(304);
                return;
            }
            long[] range = range(request.getHeader("Range"), size);
            if (range == null) {
                rangeNotSatisfiable(response, size);
                return;
            }
            response.setContentType(contentType(file.path()));
            if (attachment) {
                response.setHeader("Content-Disposition", "attachment; filename=\"" + file.path().getFileName() + "\"");
            }
            long first = range[0];
            long length = range[1] - first + 1;
            if (length != size) {
                response.setStatus(206);
                response.setHeader("Content-Range", "bytes " + first + "-" + range[1] + "/" + size);
            }
            response.setContentLengthLong(length);
            if (withBody && length > 0) {
                write(channel, first, length, response.getOutputStream());
            }
        }
    }

    private static boolean notModified(HttpServletRequest request, String etag, Instant modified) {
        String match = request.getHeader("If-None-Match");
        if (match != null) {
            return match.equals(etag) || match.equals("*");
        }
        long since = request.getDateHeader("If-Modified-Since");
        return since > 0 && !modified.isAfter(Instant.ofEpochMilli(since));
    }

    /**
     * The bytes {@code [first, last]} a {@code Range} header asks for; the whole file without one
     * (or with a form this server does not take, as several ranges); null if unsatisfiable.
     */
    static long[] range(String header, long size) {
        long[] whole = {0, size - 1};
        if (header == null) {
            return whole;
        }
        Matcher bytes = RANGE.matcher(header.trim());
        if (!bytes.matches()) {
            return header.trim().startsWith("bytes=") && header.contains(",") ? whole : null;
        }
        String first = bytes.group(1);
        String last = bytes.group(2);
        if (first.isEmpty() && last.isEmpty()) {
            return null;
        }
        if (first.isEmpty()) {
            long suffix = number(last);
            return suffix == 0 || size == 0 ? null : new long[] {Math.max(0, size - suffix), size - 1};
        }
        long start = number(first);
        long end = last.isEmpty() ? size - 1 : Math.min(size - 1, number(last));
        return start >= size || start > end ? null : new long[] {start, end};
    }

    /** A byte position as a number; one past any file's size (more than 18 digits) saturates. */
    private static long number(String digits) {
        String trimmed = digits.replaceFirst("^0+(?=\\d)", "");
        return trimmed.length() > 18 ? Long.MAX_VALUE : Long.parseLong(trimmed);
    }

    /** Sends the bytes with sendfile where the container offers it, by copying otherwise. */
    private static void write(FileChannel channel, long first, long length, OutputStream out) throws IOException {
        if (out instanceof BufferWritableOutputStream zeroCopy) {
            zeroCopy.transferFrom(new FileSlice(channel, first, length));
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long position = first;
        long remaining = length;
        while (remaining > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
            int read = channel.read(buffer, position);
            if (read < 0) {
                break;
            }
            out.write(buffer.array(), 0, read);
            position += read;
            remaining -= read;
        }
    }

    private static void rangeNotSatisfiable(HttpServletResponse response, long size) {
        response.setStatus(416);
        response.setHeader("Content-Range", "bytes */" + size);
    }

    private static void cors(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Expose-Headers", "Content-Range, Content-Length, Accept-Ranges");
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
