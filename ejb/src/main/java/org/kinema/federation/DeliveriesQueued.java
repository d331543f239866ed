package org.kinema.federation;

/** Deliveries were queued; once their transaction commits, this node's workers look for work at once. */
public record DeliveriesQueued(int count) {
}
