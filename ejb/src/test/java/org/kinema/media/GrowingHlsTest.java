package org.kinema.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrowingHlsTest {

    private static final String ENCODER = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-TARGETDURATION:4
            #EXT-X-MEDIA-SEQUENCE:0
            #EXT-X-PLAYLIST-TYPE:EVENT
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-MAP:URI="p-240-fragmented.mp4",BYTERANGE="1356@0"
            #EXTINF:4.000000,
            #EXT-X-BYTERANGE:166478@1356
            p-240-fragmented.mp4
            #EXTINF:4.000000,
            #EXT-X-BYTERANGE:175080@167834
            p-240-fragmented.mp4
            """;

    @Test
    void onlyWholeSegmentsOfAPlaylistBeingWrittenCount() {
        assertEquals(2, GrowingHls.completeSegments(ENCODER).size());
        // the encoder rewrites the file in place: a reader may see it cut anywhere
        String cutInARange = ENCODER.substring(0, ENCODER.indexOf("175080@16") + "175080@16".length());
        List<HlsPackage.Range> segments = GrowingHls.completeSegments(cutInARange);
        assertEquals(1, segments.size(), "a range cut short is not read as a smaller one");
        assertEquals(new HlsPackage.Range(1356, 166478, 4.0), segments.get(0));
        String cutBeforeTheName = ENCODER.substring(0, ENCODER.lastIndexOf("p-240-fragmented.mp4"));
        assertEquals(1, GrowingHls.completeSegments(cutBeforeTheName).size(), "a segment counts once its file is named");
        assertEquals(0, GrowingHls.completeSegments("").size());
    }

    @Test
    void playersGetAnEventPlaylistOfTheWholeSegmentsThatHasNotEnded() {
        String ended = ENCODER + "#EXT-X-ENDLIST\n";
        String growing = GrowingHls.growing(ended, 1);
        assertTrue(growing.contains("#EXT-X-PLAYLIST-TYPE:EVENT"), growing);
        assertTrue(growing.contains("#EXT-X-BYTERANGE:166478@1356\np-240-fragmented.mp4\n"), growing);
        assertFalse(growing.contains("175080"), "only the segments hashed so far: " + growing);
        assertFalse(growing.contains("#EXT-X-ENDLIST"), growing);
    }

    @Test
    void whatAStoppedEncodePublishedIsTheSegmentsEveryRenditionLists(@TempDir Path dir) throws Exception {
        Rendition r240 = new Rendition(240, 426, 240, 300_000);
        Rendition r144 = new Rendition(144, 256, 144, 120_000);
        Files.writeString(dir.resolve("p-240.m3u8"), ENCODER);
        Files.writeString(dir.resolve("p-144.m3u8"), ENCODER.replace("p-240", "p-144")
                .substring(0, ENCODER.indexOf("#EXTINF:4.000000,\n#EXT-X-BYTERANGE:175080")));
        Files.write(dir.resolve("p-240-fragmented.mp4"), new byte[1]);
        Files.write(dir.resolve("p-144-fragmented.mp4"), new byte[1]);
        GrowingHls.Finished finished = GrowingHls.finished(dir, "p", List.of(r240, r144)).orElseThrow();
        assertEquals(1, finished.segments(), "as many as the rendition with the fewest");
        assertEquals(4.0, finished.seconds());
        assertEquals(List.of(1356L + 166478, 1356L + 166478), finished.bytes(), "each file up to the end of that segment");
        Files.delete(dir.resolve("p-144-fragmented.mp4"));
        assertTrue(GrowingHls.finished(dir, "p", List.of(r240, r144)).isEmpty(), "nothing to take up without its file");
    }

    @Test
    void aRenditionDeclaresThePeakItsEncoderIsHeldTo() {
        Rendition r720 = new Rendition(720, 1280, 720, 2_000_000);
        assertEquals((3_000_000 + 128_000) * 11 / 10, GrowingHls.declaredBandwidth(r720, true));
        assertEquals(3_300_000, GrowingHls.declaredBandwidth(r720, false));
    }
}
