package org.kinema.actor;

import org.junit.jupiter.api.Test;
import org.kinema.platform.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ActorNameTest {

    @Test
    void usernamesFollowPeerTubesRule() {
        assertEquals("ada.l_1", ActorName.username("ada.l_1"));
        assertThrows(DomainException.class, () -> ActorName.username("Ada"));
        assertThrows(DomainException.class, () -> ActorName.username("a-b"));
        assertThrows(DomainException.class, () -> ActorName.username("a".repeat(51)));
        assertThrows(DomainException.class, () -> ActorName.username(""));
    }

    @Test
    void channelNamesAllowCapitalsDashesAndColons() {
        assertEquals("Film-Studies:2024", ActorName.channelName("Film-Studies:2024"));
        assertThrows(DomainException.class, () -> ActorName.channelName("with space"));
        assertThrows(DomainException.class, () -> ActorName.channelName("c".repeat(51)));
    }
}
