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

    /** A remote host this node now works, with its first deliveries due. */
    public record Claim(String host, List<PendingDelivery> due) {
    }

    /** Takes the lease of a host with deliveries due, and reads up to {@code limit} of them, in one transaction. */
    public Optional<Claim> claim(String node, Duration lease, int limit) {
        return deliveries.claim(node, lease, limit);
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

    /**
     * Records the deliveries the host's inboxes accepted, and reads the next {@code next} due (none
     * when 0), in one transaction.
     */
    public List<PendingDelivery> delivered(String host, List<PendingDelivery> done, int next) {
        deliveries.delivered(host, done.stream().map(PendingDelivery::id).toList());
        return next > 0 ? deliveries.due(host, next) : List.of();
    }

    /** Records the last deliveries of a turn that the host's inboxes accepted, and frees the host, in one transaction. */
    public void finish(String host, String node, List<PendingDelivery> done) {
        deliveries.finish(host, node, done.stream().map(PendingDelivery::id).toList());
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
