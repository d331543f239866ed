package org.kinema.swarm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SwarmKeysTest {

    private static final UUID VIDEO = UUID.fromString("3f2b1c9e-8d4a-4e6b-9f0a-1b2c3d4e5f60");

    /*
     * Vectors computed with Node.js the way p2p-media-loader-core 2.3.1 with hls.js derives them:
     * id = btoa(sha1("723392-avc1.64001e-640-360----30-")), then
     * btoa(sha1("v2-3f2b1c9e-8d4a-4e6b-9f0a-1b2c3d4e5f60-main-" + id).slice(0, 15)).
     */
    @Test
    void streamIdIsTheHashOfWhatHlsJsReadsOfTheVariant() {
        assertEquals("3/T8qkcu7Ys/pTvnbpACmImII5M=",
                SwarmKeys.streamId(new SwarmKeys.HlsVariant(723392, "avc1.64001e,mp4a.40.2", 640, 360, 30.0)));
        assertEquals("1A7QY05vEHyDpXTs13O1+9KkQws=",
                SwarmKeys.streamId(new SwarmKeys.HlsVariant(230480, "mp4a.40.2,AVC1.64000C", 256, 144, 29.97f)));
    }

    @Test
    void hlsInfoHashIsWhatP2pMediaLoaderSendsForTheStream() {
        assertEquals("Le82vBmX1KCkEu5mNwTs", SwarmKeys.hlsInfoHash(VIDEO, "3/T8qkcu7Ys/pTvnbpACmImII5M="));
        assertEquals("ICcGmtL+obe3gXGH2hcG", SwarmKeys.hlsInfoHash(VIDEO, "1A7QY05vEHyDpXTs13O1+9KkQws="));
    }

    @Test
    void hlsInfoHashesAreTheHexOfThoseTwentyCharactersForEveryVariant() {
        assertEquals(List.of("4c65383276426d58314b436b4575356d4e775473"),
                SwarmKeys.hlsInfoHashes(VIDEO, List.of(new SwarmKeys.HlsVariant(723392, "avc1.64001e,mp4a.40.2", 640, 360, 30))));
    }

    @Test
    void torrentInfoHashIsKeptInLowercaseHexAndAnythingElseIsRefused() {
        assertEquals("00112233445566778899aabbccddeeff00112233",
                SwarmKeys.torrentInfoHash("00112233445566778899AABBCCDDEEFF00112233"));
        assertThrows(IllegalArgumentException.class, () -> SwarmKeys.torrentInfoHash("abc"));
        assertTrue(SwarmKeys.isInfoHash("00112233445566778899aabbccddeeff00112233"));
        assertFalse(SwarmKeys.isInfoHash("00112233445566778899aabbccddeeff0011223g"));
    }
}
