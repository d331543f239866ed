package org.kinema.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageTest {

    @Test
    void defaultsAreThoseOfPeerTube() {
        Page page = Page.of(null, null, null);
        assertEquals(0, page.start());
        assertEquals(15, page.count());
    }

    @Test
    void countAboveHundredOrNegativeStartIsRefused() {
        assertThrows(DomainException.class, () -> Page.of(0, 101, null));
        assertThrows(DomainException.class, () -> Page.of(0, 0, null));
        assertThrows(DomainException.class, () -> Page.of(-1, 10, null));
    }
}
