package org.kinema.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenServiceTest {

    @Test
    void tokensAreFortyHexCharactersLikePeerTubes() {
        assertTrue(TokenService.randomToken().matches("[0-9a-f]{40}"));
        assertNotEquals(TokenService.randomToken(), TokenService.randomToken());
    }

    @Test
    void storedFormIsTheSha256OfTheToken() {
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", TokenService.hash("hello"));
    }
}
