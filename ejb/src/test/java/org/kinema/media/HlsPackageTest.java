package org.kinema.media;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HlsPackageTest {

    private static final String PLAYLIST = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-TARGETDURATION:4
            #EXT-X-MAP:URI="p-360-fragmented.mp4",BYTERANGE="1372@0"
            #EXTINF:4.000000,
            #EXT-X-BYTERANGE:449614@1372
            p-360-fragmented.mp4
            #EXTINF:2.000000,
            #EXT-X-BYTERANGE:221712@450986
            p-360-fragmented.mp4
            #EXT-X-ENDLIST
            """;

    @Test
    void segmentsAreTheByteRangesOfThePlaylistWithoutTheInitSection() {
        List<HlsPackage.Range> segments = HlsPackage.segments(PLAYLIST);
        assertEquals(2, segments.size());
        assertEquals(new HlsPackage.Range(1372, 449614, 4.0), segments.get(0));
        assertEquals(450986 + 221712 - 1, segments.get(1).last());
    }

    @Test
    void bandwidthIsThePeakSegmentBitRate() {
        assertEquals(Math.round(449614 * 8 / 4.0), HlsPackage.peakBandwidth(HlsPackage.segments(PLAYLIST)));
    }

    @Test
    void masterPlaylistNamesBandwidthResolutionCodecsAndFrameRate() {
        HlsPackage.Stream stream = new HlsPackage.Stream(new Rendition(360, 640, 360, 600_000), "p-360-fragmented.mp4",
                "p-360.m3u8", 1000, 899228, "avc1.64001e,mp4a.40.2", 29.97, List.of());
        String master = HlsPackage.masterPlaylist(List.of(stream));
        assertTrue(master.startsWith("#EXTM3U\n"));
        assertTrue(master.contains("#EXT-X-STREAM-INF:BANDWIDTH=899228,RESOLUTION=640x360,CODECS=\"avc1.64001e,mp4a.40.2\",FRAME-RATE=29.970\np-360.m3u8"),
                master);
    }
}
