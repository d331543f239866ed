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
     * Vectors computed with Node.js, as p2p-media-loader-core 2.3.1 derives them
     * (btoa(sha1("v2-" + swarmId + "-main-" + i).slice(0, 15))):
     * node -e 'const c=require("crypto");for(const i of [0,1,2]){const h=c.createHash("sha1")
     *   .update("v2-3f2b1c9e-8d4a-4e6b-9f0a-1b2c3d4e5f60-main-"+i,"utf8").digest().subarray(0,15)
     *   .toString("base64");console.log(i,h,Buffer.from(h,"latin1").toString("hex"))}'
     */
    @Test
    void hlsInfoHashIsWhatP2pMediaLoaderSendsForTheStream() {
        assertEquals("IreXYto1AtYDkovDf55g", SwarmKeys.hlsInfoHash(VIDEO, 0));
        assertEquals("Q8LK7hV6RRDaICzQVwEA", SwarmKeys.hlsInfoHash(VIDEO, 1));
        assertEquals("tRsAi5hNKPOosA5qgpyq", SwarmKeys.hlsInfoHash(VIDEO, 2));
    }

    @Test
    void hlsInfoHashesAreTheHexOfThoseTwentyCharactersForEveryRendition() {
        assertEquals(List.of("4972655859746f31417459446b6f764466353567",
                        "51384c4b376856365252446149437a5156774541",
                        "745273416935684e4b504f6f7341357167707971"),
                SwarmKeys.hlsInfoHashes(VIDEO, 3));
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
