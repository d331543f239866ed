package org.kinema.federation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The delivery workers' steps, each in a transaction of its own, so that no POST runs inside one. */
@Stateless
public class DeliveryAttempts {

    @Inject
    private DeliveryRepository deliveries;

    public Optional<String> claimHost(String node, Duration lease) {
        return deliveries.claimHost(node, lease);
    }

    public boolean renew(String host, String node, Duration lease) {
        return deliveries.renew(host, node, lease);
    }

    public void release(String host, String node) {
        deliveries.release(host, node);
    }

    public int releaseAllOf(String node) {
        return deliveries.releaseAllOf(node);
    }

    public List<PendingDelivery> due(String host, int limit) {
        return deliveries.due(host, limit);
    }

    public void delivered(PendingDelivery delivery) {
        deliveries.delivered(delivery);
    }

    /**
     * A failed POST: the delivery is retried later (or given up after {@link Backoff#ATTEMPTS} tries,
     * or at once when the inbox will never take it), and its host, failing too often, is parked.
     */
    public void failed(PendingDelivery delivery, InboxPoster.Outcome outcome) {
        deliveries.failed(delivery, outcome.error(), outcome.retry() ? Backoff.retryAfter(delivery.attempts() + 1) : null);
        if (outcome.retry()) {
            Duration rest = Backoff.parkFor(deliveries.hostFailed(delivery.host(), outcome.error()));
            if (!rest.isZero()) {
                deliveries.park(delivery.host(), rest);
            }
        }
    }

    /** The cluster's sweep of finished and hopeless deliveries, by one node at a time. */
    public void sweep() {
        if (deliveries.sweepLock()) {
            deliveries.sweep();
        }
    }
}
