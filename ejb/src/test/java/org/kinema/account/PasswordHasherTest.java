package org.kinema.account;

import org.junit.jupiter.api.Test;
import org.kinema.platform.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    @Test
    void hashAcceptsItsPasswordAndNoOther() {
        String hash = PasswordHasher.hash("correct horse");
        assertTrue(PasswordHasher.matches("correct horse", hash));
        assertFalse(PasswordHasher.matches("correct horse ", hash));
        assertFalse(PasswordHasher.matches(null, hash));
    }

    @Test
    void hashNamesAlgorithmAndIterationsAndIsSalted() {
        String first = PasswordHasher.hash("same password");
        assertTrue(first.startsWith("PBKDF2WithHmacSHA256:" + PasswordHasher.ITERATIONS + ":"));
        assertNotEquals(first, PasswordHasher.hash("same password"));
    }

    @Test
    void hashNeverContainsThePassword() {
        assertFalse(PasswordHasher.hash("visible-secret").contains("visible-secret"));
    }

    @Test
    void tooShortOrTooLongPasswordsAreRefused() {
        assertThrows(DomainException.class, () -> PasswordHasher.hash("12345"));
        assertThrows(DomainException.class, () -> PasswordHasher.hash("x".repeat(256)));
    }

    @Test
    void malformedStoredHashMatchesNothing() {
        assertFalse(PasswordHasher.matches("anything", "md5:abc"));
    }

    @Test
    void unknownUserCostsTheSameFullHashAsAWrongPassword() {
        long before = PasswordHasher.DERIVATIONS.sum();
        assertFalse(User.acceptsPassword(java.util.Optional.empty(), "any password"));
        assertEquals(1, PasswordHasher.DERIVATIONS.sum() - before, "one PBKDF2 derivation, as for a known user");
    }

    @Test
    void missingPasswordStillRunsTheHash() {
        String hash = PasswordHasher.hash("correct horse");
        long before = PasswordHasher.DERIVATIONS.sum();
        assertFalse(PasswordHasher.matches(null, hash));
        assertEquals(1, PasswordHasher.DERIVATIONS.sum() - before);
    }
}
