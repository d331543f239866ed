package org.kinema.video;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileTokensTest {

    private final UUID video = UUID.randomUUID();

    @Test
    void tokenOpensItsVideoUntilItExpires() {
        String token = FileTokens.issue(video, 2000, "key");
        assertTrue(FileTokens.valid(token, video, 1999, "key"));
        assertFalse(FileTokens.valid(token, video, 2000, "key"));
    }

    @Test
    void tokenOpensNoOtherVideoAndNoForgery() {
        String token = FileTokens.issue(video, 2000, "key");
        assertFalse(FileTokens.valid(token, UUID.randomUUID(), 1000, "key"));
        assertFalse(FileTokens.valid(token, video, 1000, "other key"));
        assertFalse(FileTokens.valid("3000" + token.substring(4), video, 1000, "key"));
        assertFalse(FileTokens.valid("garbage", video, 1000, "key"));
        assertFalse(FileTokens.valid(null, video, 1000, "key"));
    }
}
