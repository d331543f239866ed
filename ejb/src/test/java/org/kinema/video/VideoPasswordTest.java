package org.kinema.video;

import org.junit.jupiter.api.Test;
import org.kinema.platform.DomainException;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VideoPasswordTest {

    @Test
    void aProtectedVideoTakesOneToAHundredDifferentPasswordsOfTwoToAHundredCharacters() {
        assertDoesNotThrow(() -> VideoPassword.check(List.of("ab", "c".repeat(100))));
        for (List<String> refused : List.of(List.<String>of(), List.of("a"), List.of("c".repeat(101)), List.of("same", "same"))) {
            assertThrows(DomainException.class, () -> VideoPassword.check(refused), refused::toString);
        }
        assertThrows(DomainException.class, () -> VideoPassword.check(null));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= VideoPassword.MAX_PER_VIDEO; i++) {
            tooMany.add("password-" + i);
        }
        assertThrows(DomainException.class, () -> VideoPassword.check(tooMany));
    }
}
