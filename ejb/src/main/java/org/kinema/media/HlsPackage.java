package org.kinema.media;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finishes what the encoder wrote: a master playlist naming every rendition with its
 * {@code BANDWIDTH}, {@code RESOLUTION}, {@code CODECS} and {@code FRAME-RATE}, and the JSON of
 * SHA-256 hashes of every segment's byte range in PeerTube's {@code segmentsSha256Url} format
 * ({@code {"<file>": {"<first>-<last byte>": "<hex>"}}}), which P2P viewers check segments against.
 */
public final class HlsPackage {

    private static final Pattern BYTERANGE = Pattern.compile("#EXT-X-BYTERANGE:(\\d+)@(\\d+)");
    private static final Pattern EXTINF = Pattern.compile("#EXTINF:([0-9.]+)");
    private static final Pattern CODECS = Pattern.compile("CODECS=\"([^\"]+)\"");

    private HlsPackage() {
    }

    /** One rendition as packaged: its files and what the master playlist says of it. */
    public record Stream(Rendition rendition, String mediaFile, String playlist, long size, long bandwidth,
                         String codecs, double fps, List<Range> segments) {
    }

    /** A segment's bytes in its rendition's file. */
    public record Range(long offset, long length, double seconds) {
        long last() {
            return offset + length - 1;
        }
    }

    public record Result(List<Stream> streams, String masterPlaylist, String segmentsSha256) {
    }

    public static Result finish(Path dir, String prefix, List<Rendition> ladder, double fps) throws IOException {
        List<String> codecs = codecsFromEncoder(dir.resolve(prefix + "-ffmpeg-master.m3u8"), ladder.size());
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < ladder.size(); i++) {
            Rendition rendition = ladder.get(i);
            String playlist = prefix + "-" + rendition.resolution() + ".m3u8";
            String mediaFile = prefix + "-" + rendition.resolution() + "-fragmented.mp4";
            List<Range> segments = segments(Files.readString(dir.resolve(playlist)));
            if (segments.isEmpty()) {
                throw new IOException("The encoder wrote no segment for " + rendition.resolution() + "p");
            }
            streams.add(new Stream(rendition, mediaFile, playlist, Files.size(dir.resolve(mediaFile)),
                    peakBandwidth(segments), codecs.get(i), rendition.audioOnly() ? 0 : fps, segments));
        }
        String master = prefix + "-master.m3u8";
        Files.writeString(dir.resolve(master), masterPlaylist(streams), StandardCharsets.UTF_8);
        String hashes = prefix + "-segments-sha256.json";
        Files.writeString(dir.resolve(hashes), segmentHashes(dir, streams), StandardCharsets.UTF_8);
        Files.deleteIfExists(dir.resolve(prefix + "-ffmpeg-master.m3u8"));
        return new Result(List.copyOf(streams), master, hashes);
    }

    static List<Range> segments(String playlist) {
        List<Range> ranges = new ArrayList<>();
        double seconds = 0;
        for (String line : playlist.split("\n")) {
            Matcher duration = EXTINF.matcher(line);
            if (duration.lookingAt()) {
                seconds = Double.parseDouble(duration.group(1));
            }
            Matcher range = BYTERANGE.matcher(line);
            if (range.lookingAt()) {
                ranges.add(new Range(Long.parseLong(range.group(2)), Long.parseLong(range.group(1)), seconds));
            }
        }
        return ranges;
    }

    /** HLS's BANDWIDTH is the peak bit rate of any segment. */
    static long peakBandwidth(List<Range> segments) {
        long peak = 0;
        for (Range segment : segments) {
            double seconds = Math.max(segment.seconds(), 0.5);
            peak = Math.max(peak, Math.round(segment.length() * 8 / seconds));
        }
        return peak;
    }

    static String masterPlaylist(List<Stream> streams) {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (Stream stream : streams) {
            Rendition rendition = stream.rendition();
            text.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(stream.bandwidth());
            if (!rendition.audioOnly()) {
                text.append(",RESOLUTION=").append(rendition.width()).append('x').append(rendition.height());
            }
            text.append(",CODECS=\"").append(stream.codecs()).append('"');
            if (!rendition.audioOnly()) {
                text.append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", stream.fps()));
            }
            text.append('\n').append(stream.playlist()).append("\n\n");
        }
        return text.toString();
    }

    static String segmentHashes(Path dir, List<Stream> streams) throws IOException {
        JsonObjectBuilder json = Json.createObjectBuilder();
        for (Stream stream : streams) {
            JsonObjectBuilder ranges = Json.createObjectBuilder();
            try (FileChannel file = FileChannel.open(dir.resolve(stream.mediaFile()), StandardOpenOption.READ)) {
                for (Range segment : stream.segments()) {
                    ranges.add(segment.offset() + "-" + segment.last(), sha256(file, segment));
                }
            }
            json.add(stream.mediaFile(), ranges);
        }
        return json.build().toString();
    }

    private static String sha256(FileChannel file, Range range) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long position = range.offset();
        long remaining = range.length();
        while (remaining > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
            int read = file.read(buffer, position);
            if (read < 0) {
                throw new IOException("Segment range beyond the end of its file");
            }
            digest.update(buffer.array(), 0, read);
            position += read;
            remaining -= read;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<String> codecsFromEncoder(Path encoderMaster, int count) throws IOException {
        List<String> codecs = new ArrayList<>();
        if (Files.exists(encoderMaster)) {
            Matcher matcher = CODECS.matcher(Files.readString(encoderMaster));
            while (matcher.find()) {
                codecs.add(matcher.group(1));
            }
        }
        while (codecs.size() < count) {
            codecs.add("avc1.640028,mp4a.40.2");
        }
        return codecs;
    }

}
