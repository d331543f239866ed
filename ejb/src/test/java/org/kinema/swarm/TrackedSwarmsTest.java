package org.kinema.swarm;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackedSwarmsTest {

    private static final String SERVED = "00112233445566778899aabbccddeeff00112233";
    private static final String UNKNOWN = "ffffffffffffffffffffffffffffffffffffffff";

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger queries = new AtomicInteger();
    private final TrackedSwarms swarms = new TrackedSwarms(hash -> {
        queries.incrementAndGet();
        return hash.equals(SERVED) ? OptionalLong.of(7) : OptionalLong.empty();
    }, now::get);

    @Test
    void servedSwarmIsAskedOfTheDatabaseOnceAMinute() {
        assertFalse(swarms.isCached(SERVED));
        assertTrue(swarms.isServed(SERVED));
        advanceSeconds(59);
        assertTrue(swarms.isCached(SERVED));
        assertEquals(OptionalLong.of(7), swarms.videoOf(SERVED));
        assertEquals(1, queries.get());
        advanceSeconds(2);
        assertFalse(swarms.isCached(SERVED), "the answer is a minute old: the database is asked again");
        assertTrue(swarms.isServed(SERVED));
        assertEquals(2, queries.get());
    }

    @Test
    void unknownSwarmIsAskedAgainAfterFiveSeconds() {
        assertFalse(swarms.isServed(UNKNOWN));
        advanceSeconds(4);
        assertFalse(swarms.isServed(UNKNOWN));
        assertEquals(1, queries.get());
        advanceSeconds(2);
        assertFalse(swarms.isServed(UNKNOWN));
        assertEquals(2, queries.get());
    }

    @Test
    void somethingThatIsNoInfoHashIsRefusedWithoutAQuery() {
        assertFalse(swarms.isServed("not-hex"));
        assertEquals(0, queries.get());
    }

    private void advanceSeconds(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }
}
