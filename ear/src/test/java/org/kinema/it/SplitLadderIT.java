package org.kinema.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kinema.launcher.Folders;
import org.kinema.media.Ffprobe;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A source encoded in parts (as nodes of a cluster encode a long upload) and joined gives the
 * output one encode of the whole gives: the same files and playlists, the same segments cut at
 * the same instants, the same frames, keyframes at the same times; real ffmpeg, no server.
 */
class SplitLadderIT {

    private static final ProcessGroup TOOLS = new ProcessGroup();
    private static Path dir;
    private static MediaInfo info;
    private static List<Rendition> ladder;
    private static HlsPackage.Result whole;
    private static HlsPackage.Result joined;

    @BeforeAll
    static void encodeBothWays() throws Exception {
        dir = Path.of(System.getProperty("kinema.it.dir", "target/it")).resolve("split-ladder").toAbsolutePath();
        Folders.delete(dir);
        // 26 s at 30 fps, cut every 8 s: two parts of 8 s and the last of 10 s
        Path clip = Media.clip(Path.of("target", "media", "clip-26s-360p.mp4"), 26, 640, 360);
        info = Ffprobe.probe(Media.ffprobe(), clip, TOOLS);
        ladder = Ladder.choose(info);

        Path wholeDir = Files.createDirectories(dir.resolve("whole"));
        LadderEncoder.encode(Media.ffmpeg(), clip, info, ladder, wholeDir, "p", TOOLS, percent -> { });
        whole = HlsPackage.finish(wholeDir, "p", ladder, info.fps());

        Path partsDir = Files.createDirectories(dir.resolve("parts"));
        List<Part> parts = LadderEncoder.parts(info.durationSeconds(), 8);
        assertEquals(3, parts.size(), parts::toString);
        List<String> files = new ArrayList<>();
        for (Part part : parts) {
            String file = "part-" + part.index() + ".mp4";
            LadderEncoder.encodePart(Media.ffmpeg(), clip, info, ladder, part, partsDir.resolve(file), TOOLS, percent -> { });
            files.add(file);
        }
        Path audio = partsDir.resolve("audio.mp4");
        LadderEncoder.encodeAudio(Media.ffmpeg(), clip, audio, TOOLS);
        Path list = partsDir.resolve("parts.ffconcat");
        Files.writeString(list, LadderEncoder.concatList(parts, files));
        Path joinedDir = Files.createDirectories(dir.resolve("joined"));
        LadderEncoder.join(Media.ffmpeg(), list, audio, ladder, joinedDir, "p", TOOLS);
        joined = HlsPackage.finish(joinedDir, "p", ladder, info.fps());
    }

    @Test
    void everyRenditionHasTheSameSegmentsOfTheSameLengths() {
        assertEquals(whole.streams().size(), joined.streams().size());
        for (int i = 0; i < whole.streams().size(); i++) {
            HlsPackage.Stream one = whole.streams().get(i);
            HlsPackage.Stream split = joined.streams().get(i);
            assertEquals(one.mediaFile(), split.mediaFile());
            assertEquals(one.playlist(), split.playlist());
            assertEquals(one.codecs(), split.codecs());
            assertEquals(seconds(one), seconds(split), "segment lengths of " + one.playlist());
            assertEquals(14, split.segments().size(), "26 s in segments of 1, 1, then 2 s");
        }
    }

    @Test
    void theFramesAndKeyframesAreTheSameAndTheJoinedStreamsDecode() throws Exception {
        for (HlsPackage.Stream stream : joined.streams()) {
            String name = stream.playlist();
            assertEquals(keyframes(dir.resolve("whole").resolve(stream.mediaFile())),
                    keyframes(dir.resolve("joined").resolve(stream.mediaFile())), "keyframe times of " + name);
            Media.Result decoded = Media.decode(dir.resolve("joined").resolve(name).toString());
            assertEquals(0, decoded.exitCode(), decoded::output);
            assertTrue(decoded.output().isBlank(), "decodes without a complaint: " + decoded.output());
        }
        assertEquals(frames(dir.resolve("whole/p-360-fragmented.mp4")), frames(dir.resolve("joined/p-360-fragmented.mp4")));
        assertEquals(780, frames(dir.resolve("joined/p-360-fragmented.mp4")), "26 s at 30 fps");
    }

    @Test
    void theAudioRunsAsLongInTheJoinedOutput() throws Exception {
        double one = audioSeconds(dir.resolve("whole/p-240-fragmented.mp4"));
        double split = audioSeconds(dir.resolve("joined/p-240-fragmented.mp4"));
        assertTrue(Math.abs(one - split) < 0.05, one + " s against " + split + " s");
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

    private static double audioSeconds(Path file) throws Exception {
        Media.Result probe = Media.run(Media.ffprobe(), "-v", "error", "-select_streams", "a:0", "-show_entries",
                "stream=duration", "-of", "csv=p=0", file.toString());
        assertEquals(0, probe.exitCode(), probe.output());
        return Double.parseDouble(probe.output().trim());
    }
}
