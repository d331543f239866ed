package org.kinema.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaStoreTest {

    @Test
    void streamsWatchedWhileEncodingUnderAnotherPrefixLeadTheirPlayersToTheCompleteOnes(@TempDir Path dir)
            throws Exception {
        Path served = Files.createDirectories(dir.resolve("work/hls"));
        Path installed = Files.createDirectories(dir.resolve("hls"));
        Files.writeString(served.resolve("e-720-fragmented.mp4"), "first part");
        Files.writeString(served.resolve("e-720.m3u8"), "#EXTM3U\n#EXT-X-PLAYLIST-TYPE:EVENT\n");
        Files.writeString(served.resolve("e-720-encoder.m3u8"), "the encoder's");
        Files.writeString(served.resolve("e-master.m3u8"), "old master");
        Files.writeString(served.resolve("e-segments-sha256.json"), "{\"e-720-fragmented.mp4\":{}}");
        Files.writeString(installed.resolve("p-720-fragmented.mp4"), "complete");
        Files.writeString(installed.resolve("p-720.m3u8"), "#EXTM3U\n#EXT-X-MAP:URI=\"p-720-fragmented.mp4\"\n#EXT-X-ENDLIST\n");
        Files.writeString(installed.resolve("p-master.m3u8"), "new master");
        Files.writeString(installed.resolve("p-segments-sha256.json"), "{\"p-720-fragmented.mp4\":{}}");

        MediaStore.retire(served, installed, "e", "p");

        assertEquals("first part", Files.readString(installed.resolve("e-720-fragmented.mp4")),
                "a segment an old playlist names is still the one it hashed");
        assertEquals(Files.readString(installed.resolve("p-720.m3u8")), Files.readString(installed.resolve("e-720.m3u8")),
                "an old playlist, reloaded, names the complete streams");
        assertEquals("new master", Files.readString(installed.resolve("e-master.m3u8")));
        assertEquals("{\"p-720-fragmented.mp4\":{}}", Files.readString(installed.resolve("e-segments-sha256.json")));
        assertFalse(Files.exists(installed.resolve("e-720-encoder.m3u8")), "nothing players never fetched");
        assertEquals("complete", Files.readString(installed.resolve("p-720-fragmented.mp4")));
        try (var left = Files.list(installed)) {
            assertTrue(left.noneMatch(file -> file.toString().endsWith(".tmp")));
        }
    }

    @Test
    void streamsWatchedUnderTheSamePrefixAreLeftAsInstalled(@TempDir Path dir) throws Exception {
        Path served = Files.createDirectories(dir.resolve("work/hls"));
        Path installed = Files.createDirectories(dir.resolve("hls"));
        Files.writeString(installed.resolve("p-720.m3u8"), "complete");
        Files.writeString(served.resolve("p-720.m3u8"), "left behind");
        MediaStore.retire(served, installed, "p", "p");
        assertEquals("complete", Files.readString(installed.resolve("p-720.m3u8")));
    }
}
