package org.kinema.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kinema.launcher.Folders;
import org.kinema.media.Ffprobe;
import org.kinema.media.GrowingHls;
import org.kinema.media.HlsPackage;
import org.kinema.media.Ladder;
import org.kinema.media.LadderEncoder;
import org.kinema.media.MediaInfo;
import org.kinema.media.Part;
import org.kinema.media.ProcessGroup;
import org.kinema.media.Rendition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A source encoded in parts (as nodes of a cluster encode a long upload) and joined gives the
 * output one encode of the whole gives: the same files and playlists, the same segments cut at
 * the same instants, the same frames, keyframes at the same times, whether the first part was
 * encoded alone or (as when a split video is watched while it encodes) progressively with its
 * audio and then copied; real ffmpeg, no server.
 */
class SplitLadderIT {

    private static final ProcessGroup TOOLS = new ProcessGroup();
    /** Every part encoded alone; the first part encoded progressively with its audio (while it is watched), then copied. */
    private static final List<String> JOINS = List.of("joined", "joined-early");
    private static Path dir;
    private static MediaInfo info;
    private static List<Rendition> ladder;
    private static HlsPackage.Result whole;
    private static final Map<String, HlsPackage.Result> joined = new HashMap<>();

    @BeforeAll
    static void encodeAllWays() throws Exception {
        dir = Path.of(System.getProperty("kinema.it.dir", "target/it")).resolve("split-ladder").toAbsolutePath();
        Folders.delete(dir);
        // 26 s at 30 fps, cut every 8 s: two parts of 8 s and the last of 10 s
        Path clip = Media.clip(Path.of("target", "media", "clip-26s-360p.mp4"), 26, 640, 360);
        info = Ffprobe.probe(Media.ffprobe(), clip, TOOLS);
        ladder = Ladder.choose(info);

        Path wholeDir = Files.createDirectories(dir.resolve("whole"));
        LadderEncoder.encode(Media.ffmpeg(), clip, info, ladder, wholeDir, "p", TOOLS, percent -> { });
        whole = HlsPackage.finish(wholeDir, "p", ladder, info.fps());

        List<Part> parts = LadderEncoder.parts(info.durationSeconds(), 8);
        assertEquals(3, parts.size(), parts::toString);
        for (String join : JOINS) {
            Path partsDir = Files.createDirectories(dir.resolve(join + "-parts"));
            List<String> files = new ArrayList<>();
            for (Part part : parts) {
                String file = "part-" + part.index() + ".mp4";
                if (part.index() == 0 && join.equals("joined-early")) {
                    Path watched = Files.createDirectories(dir.resolve("watched"));
                    LadderEncoder.encodeFirstPart(Media.ffmpeg(), clip, info, ladder, part, watched, "w", TOOLS, percent -> { });
                    LadderEncoder.renditionsToPart(Media.ffmpeg(), ladder.stream()
                            .map(rendition -> watched.resolve(GrowingHls.mediaFile("w", rendition))).toList(),
                            partsDir.resolve(file), TOOLS);
                } else {
                    LadderEncoder.encodePart(Media.ffmpeg(), clip, info, ladder, part, partsDir.resolve(file), TOOLS,
                            percent -> { });
                }
                files.add(file);
            }
            Path audio = partsDir.resolve("audio.mp4");
            LadderEncoder.encodeAudio(Media.ffmpeg(), clip, audio, TOOLS);
            Path list = partsDir.resolve("parts.ffconcat");
            Files.writeString(list, LadderEncoder.concatList(parts, files));
            Path joinedDir = Files.createDirectories(dir.resolve(join));
            LadderEncoder.join(Media.ffmpeg(), list, audio, ladder, joinedDir, "p", TOOLS);
            joined.put(join, HlsPackage.finish(joinedDir, "p", ladder, info.fps()));
        }
    }

    @Test
    void theWatchedFirstPartHasTheSegmentsOfTheWholeEncodesStart() throws Exception {
        // 8 s: 1, 1, then 2 s, its audio with it
        for (Rendition rendition : ladder) {
            String text = Files.readString(dir.resolve("watched").resolve(GrowingHls.encoderPlaylist("w", rendition)));
            assertEquals(List.of("#EXTINF:1.000000,", "#EXTINF:1.000000,", "#EXTINF:2.000000,", "#EXTINF:2.000000,",
                    "#EXTINF:2.000000,"), text.lines().filter(line -> line.startsWith("#EXTINF:")).toList(), text);
        }
        double audioEnd = audioEnd(dir.resolve("watched").resolve(GrowingHls.mediaFile("w", ladder.get(0))));
        assertTrue(Math.abs(audioEnd - 8) < 0.1, "its audio ends with it, at " + audioEnd + " s");
    }

    @ParameterizedTest
    @MethodSource("joins")
    void everyRenditionHasTheSameSegmentsOfTheSameLengths(String join) {
        assertEquals(whole.streams().size(), joined.get(join).streams().size());
        for (int i = 0; i < whole.streams().size(); i++) {
            HlsPackage.Stream one = whole.streams().get(i);
            HlsPackage.Stream split = joined.get(join).streams().get(i);
            assertEquals(one.mediaFile(), split.mediaFile());
            assertEquals(one.playlist(), split.playlist());
            assertEquals(one.codecs(), split.codecs());
            assertEquals(seconds(one), seconds(split), "segment lengths of " + one.playlist());
            assertEquals(14, split.segments().size(), "26 s in segments of 1, 1, then 2 s");
        }
    }

    @ParameterizedTest
    @MethodSource("joins")
    void theFramesAndKeyframesAreTheSameAndTheJoinedStreamsDecode(String join) throws Exception {
        for (HlsPackage.Stream stream : joined.get(join).streams()) {
            String name = stream.playlist();
            assertEquals(keyframes(dir.resolve("whole").resolve(stream.mediaFile())),
                    keyframes(dir.resolve(join).resolve(stream.mediaFile())), "keyframe times of " + name);
            Media.Result decoded = Media.decode(dir.resolve(join).resolve(name).toString());
            assertEquals(0, decoded.exitCode(), decoded::output);
            assertTrue(decoded.output().isBlank(), "decodes without a complaint: " + decoded.output());
        }
        assertEquals(frames(dir.resolve("whole/p-360-fragmented.mp4")), frames(dir.resolve(join + "/p-360-fragmented.mp4")));
        assertEquals(780, frames(dir.resolve(join + "/p-360-fragmented.mp4")), "26 s at 30 fps");
    }

    @ParameterizedTest
    @MethodSource("joins")
    void theAudioRunsAsLongInTheJoinedOutput(String join) throws Exception {
        double one = audioSeconds(dir.resolve("whole/p-240-fragmented.mp4"));
        double split = audioSeconds(dir.resolve(join + "/p-240-fragmented.mp4"));
        assertTrue(Math.abs(one - split) < 0.05, one + " s against " + split + " s");
    }

    static List<String> joins() {
        return JOINS;
    }

    private static List<Double> seconds(HlsPackage.Stream stream) {
        return stream.segments().stream().map(HlsPackage.Range::seconds).toList();
    }

    private static List<String> keyframes(Path file) throws Exception {
        Media.Result probe = Media.run(Media.ffprobe(), "-v", "error", "-select_streams", "v:0", "-show_entries",
                "packet=pts_time,flags", "-of", "csv=p=0", file.toString());
        assertEquals(0, probe.exitCode(), probe.output());
        return Arrays.stream(probe.output().split("\n")).filter(line -> line.contains(",K"))
                .map(line -> line.substring(0, line.indexOf(','))).toList();
    }

    private static int frames(Path file) throws Exception {
        Media.Result probe = Media.run(Media.ffprobe(), "-v", "error", "-select_streams", "v:0", "-count_frames",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", file.toString());
        assertEquals(0, probe.exitCode(), probe.output());
        return Integer.parseInt(probe.output().trim());
    }

    /** When the last audio packet ends. */
    private static double audioEnd(Path file) throws Exception {
        Media.Result probe = Media.run(Media.ffprobe(), "-v", "error", "-select_streams", "a:0", "-show_entries",
                "packet=pts_time,duration_time", "-of", "csv=p=0", file.toString());
        assertEquals(0, probe.exitCode(), probe.output());
        String[] last = probe.output().strip().lines().reduce((first, second) -> second).orElseThrow().split(",");
        return Double.parseDouble(last[0]) + Double.parseDouble(last[1]);
    }

    private static double audioSeconds(Path file) throws Exception {
        Media.Result probe = Media.run(Media.ffprobe(), "-v", "error", "-select_streams", "a:0", "-show_entries",
                "stream=duration", "-of", "csv=p=0", file.toString());
        assertEquals(0, probe.exitCode(), probe.output());
        return Double.parseDouble(probe.output().trim());
    }
}
