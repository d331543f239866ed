package org.kinema.federation;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    @Test
    void retriesDoubleFromThirtySecondsUpToFourHoursThenGiveUp() {
        assertEquals(Duration.ofSeconds(30), Backoff.retryAfter(1));
        assertEquals(Duration.ofSeconds(60), Backoff.retryAfter(2));
        assertEquals(Duration.ofMinutes(16), Backoff.retryAfter(6));
        assertEquals(Duration.ofHours(4), Backoff.retryAfter(Backoff.ATTEMPTS - 1));
        assertNull(Backoff.retryAfter(Backoff.ATTEMPTS));
        long total = 0;
        for (int attempt = 1; attempt < Backoff.ATTEMPTS; attempt++) {
            total += Backoff.retryAfter(attempt).toSeconds();
        }
        assertTrue(total > Duration.ofHours(24).toSeconds(), "retried for more than a day: " + total + " s");
    }

    @Test
    void aHostIsParkedAfterFiveFailuresInARowForLongerEachTime() {
        assertEquals(Duration.ZERO, Backoff.parkFor(Backoff.PARK_AFTER - 1));
        assertEquals(Duration.ofMinutes(5), Backoff.parkFor(Backoff.PARK_AFTER));
        assertEquals(Duration.ofMinutes(10), Backoff.parkFor(Backoff.PARK_AFTER + 1));
        assertEquals(Duration.ofHours(12), Backoff.parkFor(100));
    }
}
