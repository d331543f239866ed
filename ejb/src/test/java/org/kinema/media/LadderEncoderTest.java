package org.kinema.media;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LadderEncoderTest {

    private final MediaInfo source = new MediaInfo(30, true, true, 1920, 1080, 30, 0, "h264", "aac");

    private String command() {
        return String.join(" ", LadderEncoder.command("ffmpeg", Path.of("in.mp4"), source, Ladder.choose(source),
                Path.of("out"), "p"));
    }

    @Test
    void everyRenditionComesFromOneDecodeSplitOnce() {
        String command = command();
        assertEquals(1, command.split(" -i ").length - 1, "one input");
        assertTrue(command.contains("[0:v:0]split=6"), command);
        assertTrue(command.contains("scale=1280:720"), command);
    }

    @Test
    void keyframesComeAtOneSecondThenEveryTwoSecondsAndNeverAtSceneCuts() {
        String command = command();
        assertTrue(command.contains("-force_key_frames expr:if(lt(n_forced,2),gte(t,n_forced*1),gte(t,(n_forced-1)*2))"),
                command);
        assertTrue(command.contains("-sc_threshold 0"), command);
    }

    @Test
    void outputIsByteRangeHlsInFragmentedMp4() {
        String command = command();
        assertTrue(command.contains("-hls_segment_type fmp4"), command);
        assertTrue(command.contains("single_file"), command);
        assertTrue(command.contains("v:0,a:0,name:1080 v:1,a:1,name:720"), command);
        assertTrue(command.contains("-progress pipe:1"), command);
        assertTrue(command.contains("-hls_time 1 "), "a segment at every keyframe: " + command);
    }

    @Test
    void aProgressiveEncodeWritesEventPlaylistsAndReportsOften() {
        String command = String.join(" ", LadderEncoder.command("ffmpeg", Path.of("in.mp4"), source,
                Ladder.choose(source), Path.of("o"), "p", true));
        assertTrue(command.contains("-hls_playlist_type event"), command);
        assertTrue(command.contains("p-%v-encoder.m3u8"), command);
        assertTrue(command.contains("-stats_period 0.2"), command);
        assertTrue(!command().contains("-stats_period"), "the encode at the end reports at ffmpeg's pace");
    }

    @Test
    void audioOnlySourceMapsOnlyAudio() {
        MediaInfo audio = new MediaInfo(30, false, true, 0, 0, 0, 0, null, "mp3");
        List<String> command = LadderEncoder.command("ffmpeg", Path.of("in.mp3"), audio, Ladder.choose(audio), Path.of("o"), "p");
        assertTrue(String.join(" ", command).contains("a:0,name:0"));
        assertTrue(!command.contains("-filter_complex"));
        assertTrue(String.join(" ", command).contains("-hls_time 2 "), "audio alone in segments of two seconds");
    }

    @Test
    void aLongSourceIsCutOnTheSegmentGridAndTheLastPartRunsToTheEnd() {
        List<Part> parts = LadderEncoder.parts(1201.5, 121);
        assertEquals(10, parts.size(), "about 1201.5 / 120 parts");
        assertEquals(new Part(0, 0, 120, false), parts.get(0));
        assertEquals(new Part(8, 960, 120, false), parts.get(8));
        assertEquals(new Part(9, 1080, 122, true), parts.get(9), "the rest, to the end");
        parts.forEach(part -> assertEquals(0, part.start() % LadderEncoder.SEGMENT_SECONDS, "starts on a segment boundary"));
    }

    @Test
    void aSourceTooShortForTwoPartsStaysWhole() {
        assertEquals(List.of(new Part(0, 0, 170, true)), LadderEncoder.parts(169.2, 120));
        assertEquals(2, LadderEncoder.parts(181, 120).size());
        assertEquals(List.of(new Part(0, 0, 3600, true)), LadderEncoder.parts(3600, 0), "0 never cuts");
    }

    @Test
    void aPartIsItsTimeRangeOfEveryRenditionWithoutAudio() {
        List<String> middle = LadderEncoder.partCommand("ffmpeg", Path.of("in.mp4"), source, Ladder.choose(source),
                new Part(1, 120, 120, false), Path.of("part.mp4"));
        String command = String.join(" ", middle);
        assertTrue(command.contains("-ss 120 -t 120 -protocol_whitelist file"), "seeks in the input: " + command);
        assertTrue(command.contains("-force_key_frames expr:gte(t,n_forced*2)"), command);
        assertTrue(command.contains("-map [v5] -c:v libx264"), command);
        assertTrue(command.endsWith("-an -f mp4 part.mp4"), command);
        String last = String.join(" ", LadderEncoder.partCommand("ffmpeg", Path.of("in.mp4"), source, Ladder.choose(source),
                new Part(2, 240, 30, true), Path.of("part.mp4")));
        assertTrue(last.contains("-ss 240 -protocol_whitelist"), "the last part runs to the end: " + last);
        String first = String.join(" ", LadderEncoder.partCommand("ffmpeg", Path.of("in.mp4"), source,
                Ladder.choose(source), new Part(0, 0, 120, false), Path.of("part.mp4")));
        assertTrue(first.contains("gte(t,n_forced*1)"), "the first part has the whole encode's keyframe at 1 s: " + first);
    }

    @Test
    void aTailIsEncodedFromItsBoundaryOnTheGridCountedFromThere() {
        String tail = String.join(" ", LadderEncoder.tailCommand("ffmpeg", Path.of("in.mp4"), source, Ladder.choose(source),
                36, Path.of("t"), "tail"));
        assertTrue(tail.contains("-ss 36 -protocol_whitelist file"), "seeks in the input: " + tail);
        assertTrue(tail.contains("-force_key_frames expr:gte(t,n_forced*2)"), tail);
        assertTrue(tail.contains("-hls_playlist_type vod"), tail);
        assertTrue(tail.contains("-map [v0] -map 0:a:0"), "video and audio, as the whole encode: " + tail);
        assertThrows(IllegalArgumentException.class, () -> LadderEncoder.tailCommand("ffmpeg", Path.of("in.mp4"), source,
                Ladder.choose(source), 35, Path.of("t"), "tail"), "off the grid");
    }

    @Test
    void renditionsAreJoinedEachFromItsOwnListByCopy() {
        List<Rendition> ladder = Ladder.choose(source).subList(0, 2);
        String join = String.join(" ", LadderEncoder.joinRenditionsCommand("ffmpeg", List.of(Path.of("1080.ffconcat"),
                Path.of("720.ffconcat")), true, ladder, Path.of("o"), "p"));
        assertTrue(join.contains("-f concat -safe 0 -i 1080.ffconcat -protocol_whitelist file -f concat -safe 0 -i 720.ffconcat"),
                join);
        assertTrue(join.contains("-map 0:v:0 -map 0:a:0 -map 1:v:0 -map 1:a:0 -c copy"), join);
        assertTrue(join.contains("v:0,a:0,name:1080 v:1,a:1,name:720"), join);
    }

    @Test
    void theJoinCopiesThePartsOnTheirExactDurationsWithTheAudioInEveryRendition() {
        List<Part> parts = List.of(new Part(0, 0, 8, false), new Part(1, 8, 8, false), new Part(2, 16, 5, true));
        assertEquals("ffconcat version 1.0\nfile 'a.mp4'\nduration 8\nfile 'b.mp4'\nduration 8\nfile 'c.mp4'\n",
                LadderEncoder.concatList(parts, List.of("a.mp4", "b.mp4", "c.mp4")));
        String join = String.join(" ", LadderEncoder.joinCommand("ffmpeg", Path.of("parts.ffconcat"), Path.of("audio.mp4"),
                Ladder.choose(source), Path.of("out"), "p"));
        assertTrue(join.contains("-f concat -safe 0 -i parts.ffconcat"), join);
        assertTrue(join.contains("-map 0:v:1 -map 1:a:0"), join);
        assertTrue(join.contains("-c copy"), join);
        assertTrue(join.contains("v:0,a:0,name:1080 v:1,a:1,name:720"), join);
        assertTrue(!join.contains("libx264"), "nothing is encoded again: " + join);
    }

    @Test
    void aWatchedFirstPartIsEncodedProgressivelyWithItsAudioForItsTimeAlone() {
        List<Rendition> ladder = Ladder.choose(source);
        String first = String.join(" ", LadderEncoder.firstPartCommand("ffmpeg", Path.of("in.mp4"), source, ladder,
                new Part(0, 0, 120, false), Path.of("w"), "e"));
        assertTrue(first.contains("-t 120 -protocol_whitelist file"), "reads the part's time alone: " + first);
        assertTrue(first.contains("-hls_playlist_type event"), first);
        assertTrue(first.contains("w/e-%v-encoder.m3u8"), "the encoder's playlists, for the job to publish: " + first);
        assertTrue(first.contains("-map [v0] -map 0:a:0"), "with its audio, for the viewers: " + first);
        assertTrue(first.contains("gte(t,n_forced*1)"), "the whole encode's keyframes: " + first);
        assertThrows(IllegalArgumentException.class, () -> LadderEncoder.firstPartCommand("ffmpeg", Path.of("in.mp4"),
                source, ladder, new Part(1, 120, 120, false), Path.of("w"), "e"), "not the first part");
        assertThrows(IllegalArgumentException.class, () -> LadderEncoder.firstPartCommand("ffmpeg", Path.of("in.mp4"),
                source, ladder, new Part(0, 0, 30, true), Path.of("w"), "e"), "the only part");

        String part = String.join(" ", LadderEncoder.renditionsToPartCommand("ffmpeg",
                List.of(Path.of("w/e-1080-fragmented.mp4"), Path.of("w/e-720-fragmented.mp4")), Path.of("part-0.mp4")));
        assertTrue(part.contains("-i w/e-1080-fragmented.mp4 -i w/e-720-fragmented.mp4 -map 0:v:0 -map 1:v:0 -c copy -an"),
                "every rendition's video in ladder order, copied: " + part);
    }
}
