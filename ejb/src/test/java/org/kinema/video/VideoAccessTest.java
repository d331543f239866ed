package org.kinema.video;

import org.junit.jupiter.api.Test;
import org.kinema.account.Caller;
import org.kinema.account.UserRole;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VideoAccessTest {

    private static final Caller OWNER = new Caller(1, "owner", UserRole.USER);
    private static final Caller OTHER = new Caller(2, "other", UserRole.USER);
    private static final Caller MODERATOR = new Caller(3, "moderator", UserRole.MODERATOR);

    private static VideoAccess video(Privacy privacy, boolean published) {
        return new VideoAccess(7, UUID.randomUUID(), privacy, published, OWNER.userId(), null);
    }

    @Test
    void aPasswordProtectedVideoOpensWithAPasswordToAllButWhoeverManagesIt() {
        VideoAccess video = video(Privacy.PASSWORD_PROTECTED, true);
        assertFalse(video.isWatchableBy(OTHER));
        assertTrue(video.opensWithPasswordFor(OTHER));
        assertTrue(video.opensWithPasswordFor(null));
        assertTrue(video.isWatchableBy(OWNER));
        assertFalse(video.opensWithPasswordFor(OWNER));
        assertFalse(video(Privacy.PASSWORD_PROTECTED, false).opensWithPasswordFor(OTHER), "not before it is published");
    }

    @Test
    void listsShowOthersOnlyWhatTheyCouldFindOtherwise() {
        assertTrue(video(Privacy.PUBLIC, true).isListedTo(null, false));
        assertFalse(video(Privacy.PUBLIC, false).isListedTo(OTHER, true), "not yet published");
        assertTrue(video(Privacy.INTERNAL, true).isListedTo(OTHER, false));
        assertFalse(video(Privacy.INTERNAL, true).isListedTo(null, false));
        assertFalse(video(Privacy.UNLISTED, true).isListedTo(OTHER, false));
        assertTrue(video(Privacy.UNLISTED, true).isListedTo(OTHER, true), "in the reader's own collection");
        for (Privacy hidden : new Privacy[] {Privacy.PRIVATE, Privacy.PASSWORD_PROTECTED}) {
            assertFalse(video(hidden, true).isListedTo(OTHER, true));
            assertTrue(video(hidden, true).isListedTo(OWNER, false));
            assertTrue(video(hidden, true).isListedTo(MODERATOR, false));
        }
    }
}
