package org.kinema.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A ladder's HLS output while the encoder writes it ({@link LadderEncoder#command} with
 * {@code progressive}): the encoder's own playlists ({@code {prefix}-{resolution}-encoder.m3u8},
 * rewritten in place after each segment) are read again at each {@link #refresh}, and what players
 * fetch is written from them whole, by an atomic rename: each rendition's event playlist of the
 * segments finished so far, and the map of their SHA-256 hashes, each segment hashed once. The
 * master playlist names every rendition from the start, with the bandwidth the ladder allows
 * (the encoder's peak rates are capped at one and a half times the target), which stays when the
 * ladder completes, so that the swarm of each rendition keeps its name.
 */
public final class GrowingHls {

    private final Path dir;
    private final String prefix;
    private final List<Rendition> ladder;
    private final boolean audio;
    private final double fps;
    private final Map<String, Map<String, String>> hashes = new LinkedHashMap<>();
    private final List<List<HlsPackage.Range>> segments = new ArrayList<>();

    public GrowingHls(Path dir, String prefix, List<Rendition> ladder, MediaInfo source) {
        this.dir = dir;
        this.prefix = prefix;
        this.ladder = List.copyOf(ladder);
        this.audio = source.hasAudio();
        this.fps = source.fps();
        for (Rendition rendition : ladder) {
            hashes.put(mediaFile(prefix, rendition), new LinkedHashMap<>());
            segments.add(List.of());
        }
    }

    /**
     * What a stopped progressive encode left whole and published in {@code dir}: the segments
     * every rendition's players' playlist lists (their count and how long they last together) and,
     * rendition by rendition, the length of its file up to the end of the last of them.
     */
    public record Finished(int segments, double seconds, List<Long> bytes) {
    }

    /** What the players' playlists of an encode under {@code prefix} in {@code dir} list; empty if one is missing. */
    public static Optional<Finished> finished(Path dir, String prefix, List<Rendition> ladder) throws IOException {
        List<List<HlsPackage.Range>> listed = new ArrayList<>();
        for (Rendition rendition : ladder) {
            Path playlist = dir.resolve(playlist(prefix, rendition));
            if (!Files.isRegularFile(playlist) || !Files.isRegularFile(dir.resolve(mediaFile(prefix, rendition)))) {
                return Optional.empty();
            }
            listed.add(HlsPackage.segments(Files.readString(playlist)));
        }
        int count = listed.stream().mapToInt(List::size).min().orElse(0);
        if (count == 0) {
            return Optional.empty();
        }
        double seconds = listed.get(0).subList(0, count).stream().mapToDouble(HlsPackage.Range::seconds).sum();
        List<Long> bytes = listed.stream().map(ranges -> ranges.get(count - 1).offset() + ranges.get(count - 1).length())
                .toList();
        return Optional.of(new Finished(count, seconds, bytes));
    }

    /** The encoder's working playlist of a rendition, beside the one players fetch. */
    public static String encoderPlaylist(String prefix, Rendition rendition) {
        return prefix + "-" + rendition.resolution() + "-encoder.m3u8";
    }

    /** The file of a rendition's segments. */
    public static String mediaFile(String prefix, Rendition rendition) {
        return prefix + "-" + rendition.resolution() + "-fragmented.mp4";
    }

    static String playlist(String prefix, Rendition rendition) {
        return prefix + "-" + rendition.resolution() + ".m3u8";
    }

    /**
     * Reads the encoder's playlists again; hashes the segments that are new and writes the
     * playlists and the hash map that players fetch. Returns the number of segments the rendition
     * with the fewest has (0 while one has none yet).
     */
    public int refresh() throws IOException {
        int fewest = Integer.MAX_VALUE;
        List<Path> grown = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < ladder.size(); i++) {
            Rendition rendition = ladder.get(i);
            Path encoder = dir.resolve(encoderPlaylist(prefix, rendition));
            String text = Files.exists(encoder) ? Files.readString(encoder) : "";
            List<HlsPackage.Range> found = completeSegments(text);
            if (found.size() > segments.get(i).size() && text.contains("#EXT-X-MAP:")) {
                String media = mediaFile(prefix, rendition);
                HlsPackage.hash(dir.resolve(media), found.subList(segments.get(i).size(), found.size()), hashes.get(media));
                segments.set(i, found);
                grown.add(dir.resolve(playlist(prefix, rendition)));
                texts.add(growing(text, found.size()));
            }
            fewest = Math.min(fewest, segments.get(i).size());
        }
        if (!grown.isEmpty()) {
            // the map first: a segment a player finds in a playlist has its hash already
            writeAtomically(dir.resolve(prefix + "-segments-sha256.json"), HlsPackage.hashesJson(hashes));
            for (int i = 0; i < grown.size(); i++) {
                writeAtomically(grown.get(i), texts.get(i));
            }
        }
        return fewest;
    }

    /**
     * Writes the master playlist of every rendition, with codecs as the encoder named them; returns
     * the renditions as it names them while they grow (no size yet).
     */
    public List<HlsPackage.Stream> writeMaster() throws IOException {
        List<HlsPackage.Stream> streams = streams(HlsPackage.codecsFromEncoder(dir.resolve(prefix + "-ffmpeg-master.m3u8"),
                ladder.size()));
        writeAtomically(dir.resolve(prefix + "-master.m3u8"), HlsPackage.masterPlaylist(streams));
        return streams;
    }

    private List<HlsPackage.Stream> streams(List<String> codecs) {
        List<HlsPackage.Stream> streams = new ArrayList<>();
        for (int i = 0; i < ladder.size(); i++) {
            Rendition rendition = ladder.get(i);
            streams.add(new HlsPackage.Stream(rendition, mediaFile(prefix, rendition), playlist(prefix, rendition), 0,
                    declaredBandwidth(rendition, audio), codecs.get(i), rendition.audioOnly() ? 0 : fps, segments.get(i)));
        }
        return streams;
    }

    /** The peak bit rate the encoder is held to, with the audio and a tenth for the container. */
    static long declaredBandwidth(Rendition rendition, boolean audio) {
        long peak = rendition.videoBitrate() * 3 / 2 + (audio || rendition.audioOnly() ? Ladder.AUDIO_BITRATE : 0);
        return peak + peak / 10;
    }

    /**
     * The segments of a playlist the encoder may be writing at this moment: only whole lines, and
     * a segment only once the line naming its file follows its byte range.
     */
    static List<HlsPackage.Range> completeSegments(String text) {
        int end = text.lastIndexOf('\n');
        List<HlsPackage.Range> complete = new ArrayList<>();
        if (end < 0) {
            return complete;
        }
        List<HlsPackage.Range> ranges = HlsPackage.segments(text.substring(0, end + 1));
        int named = 0;
        boolean ranged = false;
        for (String line : text.substring(0, end).split("\n")) {
            if (line.startsWith("#EXT-X-BYTERANGE:")) {
                ranged = true;
            } else if (ranged && !line.isBlank() && !line.startsWith("#")) {
                named++;
                ranged = false;
            }
        }
        return ranges.subList(0, Math.min(named, ranges.size()));
    }

    /** The encoder's playlist cut after its last complete segment, as an event playlist that has not ended. */
    static String growing(String encoderText, int count) {
        StringBuilder text = new StringBuilder();
        int seen = 0;
        for (String line : encoderText.split("\n")) {
            if (line.startsWith("#EXT-X-ENDLIST")) {
                continue;
            }
            if (seen == count && line.startsWith("#EXTINF")) {
                break;
            }
            text.append(line).append('\n');
            if (!line.isBlank() && !line.startsWith("#")) {
                seen++;
            }
        }
        return text.toString();
    }

    static void writeAtomically(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
