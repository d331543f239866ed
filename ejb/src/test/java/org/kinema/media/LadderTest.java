package org.kinema.media;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LadderTest {

    private static MediaInfo video(int width, int height) {
        return new MediaInfo(10, true, true, width, height, 30, 0, "h264", "aac");
    }

    @Test
    void fullHdSourceGetsEveryStandardResolutionUpToItsOwn() {
        List<Integer> resolutions = Ladder.choose(video(1920, 1080)).stream().map(Rendition::resolution).toList();
        assertEquals(List.of(1080, 720, 480, 360, 240, 144), resolutions);
    }

    @Test
    void sourceIsNeverUpscaled() {
        List<Integer> resolutions = Ladder.choose(video(640, 360)).stream().map(Rendition::resolution).toList();
        assertEquals(List.of(360, 240, 144), resolutions);
    }

    @Test
    void renditionsKeepTheAspectRatioWithEvenSides() {
        Rendition top = Ladder.choose(video(1920, 1080)).get(1);
        assertEquals(1280, top.width());
        assertEquals(720, top.height());
        Ladder.choose(video(854, 480)).forEach(r -> assertTrue(r.width() % 2 == 0 && r.height() % 2 == 0, r::toString));
    }

    @Test
    void portraitVideosAreNamedByTheirShortSide() {
        Rendition top = Ladder.choose(video(1080, 1920)).get(0);
        assertEquals(1080, top.resolution());
        assertEquals(1080, top.width());
        assertEquals(1920, top.height());
    }

    @Test
    void tinySourceKeepsItsOwnSize() {
        List<Rendition> ladder = Ladder.choose(video(160, 100));
        assertEquals(1, ladder.size());
        assertEquals(100, ladder.get(0).resolution());
    }

    @Test
    void audioOnlySourceGetsOneAudioRendition() {
        List<Rendition> ladder = Ladder.choose(new MediaInfo(10, false, true, 0, 0, 0, 0, null, "mp3"));
        assertEquals(1, ladder.size());
        assertTrue(ladder.get(0).audioOnly());
    }

    @Test
    void higherFrameRatesGetMoreBits() {
        assertTrue(Ladder.bitrate(720, 60) > Ladder.bitrate(720, 30));
    }
}
