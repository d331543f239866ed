package org.kinema.files;

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
import org.kinema.video.FileKind;
import org.kinema.video.Video;
import org.kinema.video.VideoFile;
import org.kinema.video.VideoService;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Media files at PeerTube's paths. Files of videos that are not public or unlisted are served
 * only with a bearer token or a {@code videoFileToken} of someone allowed to watch the video.
 */
@WebServlet({"/static/*", "/lazy-static/*", "/download/*"})
public class MediaFileServlet extends HttpServlet {

    private static final Pattern HLS = Pattern.compile("/(static|download)/streaming-playlists/hls/(?:private/)?([0-9a-f-]{36})/([A-Za-z0-9._-]+)");
    private static final Pattern WEB = Pattern.compile("/(static|download)/web-videos/(?:private/)?([A-Za-z0-9._-]+)");
    private static final Pattern TORRENT = Pattern.compile("/(lazy-static|download)/torrents/([A-Za-z0-9._-]+\\.torrent)");
    private static final Pattern IMAGE = Pattern.compile("/lazy-static/(thumbnails|previews)/([0-9a-f-]{36})\\.jpg");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
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
        } catch (RuntimeException e) {
            ProblemMapper.problemFor(e, path).writeTo(response, withBody);
        }
    }

    private record Resolved(Path path, String cacheControl) {
    }

    private Resolved resolve(String path, Caller caller, String fileToken) {
        Matcher hls = HLS.matcher(path);
        if (hls.matches()) {
            Video video = videos.forFiles(caller, UUID.fromString(hls.group(2)), fileToken);
            return new Resolved(store.hlsDir(video.uuid()).resolve(hls.group(3)), cache(video));
        }
        Matcher web = WEB.matcher(path);
        if (web.matches()) {
            VideoFile file = videos.fileNamed(caller, web.group(2), fileToken);
            Path dir = file.kind() == FileKind.ORIGINAL ? store.root().resolve("originals") : store.webVideo("x").getParent();
            return new Resolved(dir.resolve(file.filename()), file.kind() == FileKind.ORIGINAL ? "private, no-cache" : cache(file.video()));
        }
        Matcher torrent = TORRENT.matcher(path);
        if (torrent.matches()) {
            VideoFile file = videos.fileNamed(caller, torrent.group(2), fileToken);
            return new Resolved(store.torrent(file.torrentFilename()), cache(file.video()));
        }
        Matcher image = IMAGE.matcher(path);
        if (image.matches()) {
            Video video = videos.forFiles(caller, UUID.fromString(image.group(2)), fileToken);
            Path jpeg = image.group(1).equals("thumbnails") ? store.thumbnail(video.uuid()) : store.preview(video.uuid());
            return new Resolved(jpeg, video.privacy().isOpenToAnyone() ? "public, max-age=7200" : "private, max-age=0");
        }
        return null;
    }

    private static String cache(Video video) {
        return video.privacy().isOpenToAnyone() ? IMMUTABLE : "private, max-age=0";
    }

    private Caller caller(HttpServletRequest request) {
        return BearerTokenFilter.callerOf(request.getHeader("Authorization"), tokens).orElse(null);
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, Resolved file, boolean attachment,
                             boolean withBody) throws IOException {
        long size = Files.size(file.path());
        long first = 0;
        long last = size - 1;
        String range = request.getHeader("Range");
        boolean partial = false;
        if (range != null) {
            Matcher bytes = RANGE.matcher(range.trim());
            if (!bytes.matches() || bytes.group(1).isEmpty() && bytes.group(2).isEmpty()) {
                rangeNotSatisfiable(response, size);
                return;
            }
            if (bytes.group(1).isEmpty()) {
                first = Math.max(0, size - Long.parseLong(bytes.group(2)));
            } else {
                first = Long.parseLong(bytes.group(1));
                if (!bytes.group(2).isEmpty()) {
                    last = Math.min(last, Long.parseLong(bytes.group(2)));
                }
            }
            if (first >= size || first > last) {
                rangeNotSatisfiable(response, size);
                return;
            }
            partial = true;
        }
        cors(response);
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Cache-Control", file.cacheControl());
        response.setContentType(contentType(file.path()));
        if (attachment) {
            response.setHeader("Content-Disposition", "attachment; filename=\"" + file.path().getFileName() + "\"");
        }
        long length = last - first + 1;
        if (partial) {
            response.setStatus(206);
            response.setHeader("Content-Range", "bytes " + first + "-" + last + "/" + size);
        }
        response.setContentLengthLong(length);
        if (!withBody) {
            return;
        }
        try (InputStream in = Files.newInputStream(file.path()); OutputStream out = response.getOutputStream()) {
            in.skipNBytes(first);
            byte[] buffer = new byte[64 * 1024];
            long remaining = length;
            while (remaining > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    break;
                }
                out.write(buffer, 0, read);
                remaining -= read;
            }
        }
    }

    private static void rangeNotSatisfiable(HttpServletResponse response, long size) {
        cors(response);
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
