package org.kinema.ratelimit;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Removes counts whose window has passed, every few minutes on every node (nodes never remove the
 * same rows: the store skips rows another node holds).
 */
@Singleton
public class RateLimitJanitor {

    @Inject
    private RateLimiter limiter;

    @Schedule(minute = "*/5", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void removeExpired() {
        limiter.removeExpired();
    }
}
