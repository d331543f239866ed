package org.kinema.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserEmailTest {

    @ParameterizedTest
    @ValueSource(strings = {"root@kinema.test", "first.last+tag@example.co.uk", "o'neil@sub-domain.example.org",
            "élise@exämple.fr", "x@xn--bcher-kva.example"})
    void addressesPeerTubeTakesAreTaken(String email) {
        assertTrue(User.isEmail(email), email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0@com", "a@b.c", "x@localhost", "a..b@example.org", ".a@example.org", "a@-example.org",
            "a@example-.org", "a@example.123", "a b@example.org", "a@exa mple.org", "@example.org", "a@", "a@@example.org",
            "a@example..org", "a@[127.0.0.1]"})
    void addressesPeerTubeRefusesAreRefused(String email) {
        assertFalse(User.isEmail(email), email);
    }
}
