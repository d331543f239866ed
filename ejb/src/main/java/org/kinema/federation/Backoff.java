package org.kinema.federation;

import java.time.Duration;

/**
 * When to try a delivery again, and when to rest a host. A delivery is retried after 30 s, then
 * twice as long each time up to 4 h between tries, and given up after {@value #ATTEMPTS} tries (28
 * hours); a host that failed {@value #PARK_AFTER} times in a row is parked, 5 minutes at first,
 * twice as long each time after, up to 12 hours, and any success ends that.
 */
public final class Backoff {

    public static final int ATTEMPTS = 16;
    public static final int PARK_AFTER = 5;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(4);
    private static final Duration FIRST_PARK = Duration.ofMinutes(5);
    private static final Duration LONGEST_PARK = Duration.ofHours(12);

    private Backoff() {
    }

    /** The wait before the next try after {@code attempts} tries, or null when the delivery is given up. */
    public static Duration retryAfter(int attempts) {
        if (attempts >= ATTEMPTS) {
            return null;
        }
        return doubled(FIRST_RETRY, attempts - 1, LONGEST_RETRY);
    }

    /** How long a host that failed {@code failures} times in a row rests; zero while it is not parked. */
    public static Duration parkFor(int failures) {
        if (failures < PARK_AFTER) {
            return Duration.ZERO;
        }
        return doubled(FIRST_PARK, failures - PARK_AFTER, LONGEST_PARK);
    }

    private static Duration doubled(Duration first, int times, Duration longest) {
        int shift = Math.max(0, Math.min(times, 30));
        Duration wait = first.multipliedBy(1L << shift);
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
