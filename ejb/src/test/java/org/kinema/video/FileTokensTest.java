package org.kinema.video;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileTokensTest {

    private static final byte[] KEY = "key-of-32-bytes-for-the-tests-ok".getBytes(StandardCharsets.US_ASCII);
    private final UUID video = UUID.randomUUID();

    @Test
    void tokenOpensItsVideoForItsHolderUntilItExpires() {
        String token = FileTokens.issue(video, 42, 2000, KEY);
        assertEquals(OptionalLong.of(42), FileTokens.holder(token, video, 1999, KEY));
        assertTrue(FileTokens.holder(token, video, 2000, KEY).isEmpty());
        assertEquals(2000, FileTokens.expiry(token));
    }

    @Test
    void tokenOpensNoOtherVideoAndNoForgery() {
        String token = FileTokens.issue(video, 42, 2000, KEY);
        byte[] otherKey = "another-key-of-32-bytes-for-test".getBytes(StandardCharsets.US_ASCII);
        assertTrue(FileTokens.holder(token, UUID.randomUUID(), 1000, KEY).isEmpty());
        assertTrue(FileTokens.holder(token, video, 1000, otherKey).isEmpty());
        assertTrue(FileTokens.holder("3000" + token.substring(4), video, 1000, KEY).isEmpty(), "a later expiry");
        assertTrue(FileTokens.holder(token.replace(".42.", ".1."), video, 1000, KEY).isEmpty(), "another holder");
        assertTrue(FileTokens.holder("garbage", video, 1000, KEY).isEmpty());
        assertTrue(FileTokens.holder("99999999999999999999.1.ab", video, 1000, KEY).isEmpty());
        assertTrue(FileTokens.holder(null, video, 1000, KEY).isEmpty());
    }
}
