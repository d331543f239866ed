package org.kinema.video;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ShortUuidTest {

    @Test
    void shortFormIsTwentyTwoCharactersAndGoesBack() {
        for (int i = 0; i < 200; i++) {
            UUID uuid = UUID.randomUUID();
            String shortUuid = ShortUuid.of(uuid);
            assertEquals(22, shortUuid.length());
            assertEquals(uuid, ShortUuid.toUuid(shortUuid));
        }
    }

    @Test
    void smallestUuidIsPaddedWithTheFirstLetter() {
        assertEquals("1".repeat(22), ShortUuid.of(new UUID(0, 0)));
    }

    @Test
    void textOutsideTheAlphabetIsNoShortUuid() {
        assertNull(ShortUuid.toUuid("0OIl-not-valid"));
        assertNull(ShortUuid.toUuid(""));
    }
}
