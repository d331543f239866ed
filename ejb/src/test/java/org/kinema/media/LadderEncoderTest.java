package org.kinema.media;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void keyframesComeEveryTwoSecondsAndNeverAtSceneCuts() {
        String command = command();
        assertTrue(command.contains("-force_key_frames expr:gte(t,n_forced*2)"), command);
        assertTrue(command.contains("-sc_threshold 0"), command);
    }

    @Test
    void outputIsByteRangeHlsInFragmentedMp4() {
        String command = command();
        assertTrue(command.contains("-hls_segment_type fmp4"), command);
        assertTrue(command.contains("single_file"), command);
        assertTrue(command.contains("v:0,a:0,name:1080 v:1,a:1,name:720"), command);
        assertTrue(command.contains("-progress pipe:1"), command);
    }

    @Test
    void audioOnlySourceMapsOnlyAudio() {
        MediaInfo audio = new MediaInfo(30, false, true, 0, 0, 0, 0, null, "mp3");
        List<String> command = LadderEncoder.command("ffmpeg", Path.of("in.mp3"), audio, Ladder.choose(audio), Path.of("o"), "p");
        assertTrue(String.join(" ", command).contains("a:0,name:0"));
        assertTrue(!command.contains("-filter_complex"));
    }
}
