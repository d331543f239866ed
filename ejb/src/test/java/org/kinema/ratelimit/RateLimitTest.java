package org.kinema.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitTest {

    private static RateLimit configured(RateLimit limit, String value) {
        return limit.configured(name -> Optional.ofNullable(Map.of(limit.setting(), value).get(name)));
    }

    @Test
    void peerTubesLimitsHoldWithoutSettings() {
        assertEquals(new RateLimit("api", 50, Duration.ofSeconds(10)), RateLimit.API.configured(name -> Optional.empty()));
        assertEquals("KINEMA_RATE_LIMIT_ASK_SEND_EMAIL", RateLimit.ASK_SEND_EMAIL.setting());
    }

    @Test
    void aSettingGivesCallsAndOptionallyTheWindowInSeconds() {
        assertEquals(new RateLimit("login", 30, Duration.ofMinutes(5)), configured(RateLimit.LOGIN, "30"));
        assertEquals(new RateLimit("api", 100, Duration.ofSeconds(60)), configured(RateLimit.API, "100/60"));
    }

    @Test
    void zeroSwitchesALimitOff() {
        assertTrue(configured(RateLimit.API, "0").isOff());
    }

    @Test
    void nonsenseIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> configured(RateLimit.API, "many"));
        assertThrows(IllegalArgumentException.class, () -> configured(RateLimit.API, "5/0"));
        assertThrows(IllegalArgumentException.class, () -> configured(RateLimit.API, "-1"));
    }
}
