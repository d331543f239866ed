package org.kinema.media;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private static final Pattern BANDWIDTH = Pattern.compile("#EXT-X-STREAM-INF:BANDWIDTH=(\\d+)");

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
        String master = prefix + "-master.m3u8";
        // a master written while the streams grew keeps its bandwidths: they name the renditions' swarms
        List<Long> declared = Files.exists(dir.resolve(master)) ? bandwidths(Files.readString(dir.resolve(master)))
                : List.of();
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < ladder.size(); i++) {
            Rendition rendition = ladder.get(i);
            String playlist = GrowingHls.playlist(prefix, rendition);
            String mediaFile = GrowingHls.mediaFile(prefix, rendition);
            endGrowing(dir, GrowingHls.encoderPlaylist(prefix, rendition), playlist);
            List<Range> segments = segments(Files.readString(dir.resolve(playlist)));
            if (segments.isEmpty()) {
                throw new IOException("The encoder wrote no segment for " + rendition.resolution() + "p");
            }
            long bandwidth = i < declared.size() ? declared.get(i) : peakBandwidth(segments);
            streams.add(new Stream(rendition, mediaFile, playlist, Files.size(dir.resolve(mediaFile)), bandwidth,
                    codecs.get(i), rendition.audioOnly() ? 0 : fps, segments));
        }
        GrowingHls.writeAtomically(dir.resolve(master), masterPlaylist(streams));
        String hashes = prefix + "-segments-sha256.json";
        GrowingHls.writeAtomically(dir.resolve(hashes), segmentHashes(dir, streams));
        Files.deleteIfExists(dir.resolve(prefix + "-ffmpeg-master.m3u8"));
        return new Result(List.copyOf(streams), master, hashes);
    }

    /** A progressive encode's finished playlist becomes the one players fetch, as a VOD playlist. */
    private static void endGrowing(Path dir, String encoderPlaylist, String playlist) throws IOException {
        Path encoder = dir.resolve(encoderPlaylist);
        if (Files.exists(encoder)) {
            GrowingHls.writeAtomically(dir.resolve(playlist),
                    Files.readString(encoder).replace("#EXT-X-PLAYLIST-TYPE:EVENT", "#EXT-X-PLAYLIST-TYPE:VOD"));
            Files.delete(encoder);
        }
    }

    private static List<Long> bandwidths(String master) {
        List<Long> bandwidths = new ArrayList<>();
        Matcher matcher = BANDWIDTH.matcher(master);
        while (matcher.find()) {
            bandwidths.add(Long.parseLong(matcher.group(1)));
        }
        return bandwidths;
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
        Map<String, Map<String, String>> hashes = new LinkedHashMap<>();
        for (Stream stream : streams) {
            Map<String, String> ranges = new LinkedHashMap<>();
            hash(dir.resolve(stream.mediaFile()), stream.segments(), ranges);
            hashes.put(stream.mediaFile(), ranges);
        }
        return hashesJson(hashes);
    }

    /** Adds the hash of each segment of the file to {@code into}, under its range ({@code first-last byte}). */
    static void hash(Path mediaFile, List<Range> segments, Map<String, String> into) throws IOException {
        try (FileChannel file = FileChannel.open(mediaFile, StandardOpenOption.READ)) {
            for (Range segment : segments) {
                into.put(segment.offset() + "-" + segment.last(), sha256(file, segment));
            }
        }
    }

    /** PeerTube's {@code segmentsSha256Url} document of these hashes, by file then range. */
    static String hashesJson(Map<String, Map<String, String>> hashes) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        hashes.forEach((file, ranges) -> {
            JsonObjectBuilder byRange = Json.createObjectBuilder();
            ranges.forEach(byRange::add);
            json.add(file, byRange);
        });
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

    static List<String> codecsFromEncoder(Path encoderMaster, int count) throws IOException {
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
