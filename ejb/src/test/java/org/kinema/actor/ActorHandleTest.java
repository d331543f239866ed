package org.kinema.actor;

import org.junit.jupiter.api.Test;
import org.kinema.platform.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ActorHandleTest {

    @Test
    void bareNameIsLocal() {
        assertNull(ActorHandle.parse("alice", "video.example:9000").host());
    }

    @Test
    void handleOnOwnHostIsLocal() {
        ActorHandle handle = ActorHandle.parse("alice@Video.Example:9000", "video.example:9000");
        assertEquals("alice", handle.name());
        assertNull(handle.host());
    }

    @Test
    void handleOnAnotherHostKeepsItsHost() {
        assertEquals("peertube.example", ActorHandle.parse("bob@peertube.example", "video.example").host());
    }

    @Test
    void malformedHandlesAreRefused() {
        assertThrows(DomainException.class, () -> ActorHandle.parse("@host", "h"));
        assertThrows(DomainException.class, () -> ActorHandle.parse("name@", "h"));
        assertThrows(DomainException.class, () -> ActorHandle.parse("a@b@c", "h"));
        assertThrows(DomainException.class, () -> ActorHandle.parse(" ", "h"));
    }
}
