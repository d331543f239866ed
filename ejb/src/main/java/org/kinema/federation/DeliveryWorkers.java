package org.kinema.federation;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.kinema.platform.KinemaSettings;
import org.kinema.platform.NodeRegistry;
import org.kinema.platform.PollingLoop;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the queued deliveries from this node: a few worker threads, each taking the lease of one
 * remote host at a time and sending what is due for it, oldest first, until it has sent
 * {@value #PER_CLAIM} or the host fails (then the host waits its back-off while the worker takes
 * another). Every node runs workers; the host leases keep two nodes off one host, so a slow or dead
 * host holds one worker and delays no other host. An idle node asks the database once a second (one
 * worker; the others rest until it finds work), and looks at once when it queued some.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@DependsOn({"DatabaseMigration", "NodeRegistry"})
public class DeliveryWorkers {

    private static final Logger LOG = Logger.getLogger(DeliveryWorkers.class.getName());
    private static final int PER_CLAIM = 50;
    /** Deliveries read, and their successes recorded, together. */
    private static final int BATCH = 10;
    private static final long IDLE_WAIT_MILLIS = 1000;
    /** Workers other than the first look for work this rarely when idle: the first wakes them when it finds some. */
    private static final long RESTING_WAIT_MILLIS = 10_000;

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private DeliveryAttempts attempts;

    @Inject
    private NodeRegistry node;

    @Inject
    private KinemaSettings settings;

    private final PollingLoop loop = new PollingLoop(IDLE_WAIT_MILLIS, LOG, "A delivery worker's turn");
    private ExecutorService workers;
    private InboxPoster poster;
    /** This node's name, read once: the workers name it in every lease they take. */
    private String me;
    /**
     * A host's lease, renewed when half of it has passed: a POST takes at most its 15 s time-out (and
     * 5 s to connect), and the lease is at least 30 s.
     */
    private Duration lease;

    @PostConstruct
    void start() {
        me = node.name();
        lease = settings.federationLease();
        int released = attempts.releaseAllOf(me);
        if (released > 0) {
            LOG.info(() -> released + " remote host(s) worked when this node last stopped are free again");
        }
        poster = new InboxPoster(settings.federationAllowsPrivateAddresses(), "Kinema (+" + settings.publicUrl() + ")");
        int count = settings.deliveryWorkers();
        workers = Executors.newFixedThreadPool(count, threads);
        for (int i = 0; i < count; i++) {
            long idleWait = i == 0 ? IDLE_WAIT_MILLIS : RESTING_WAIT_MILLIS;
            workers.execute(() -> loop.run(this::turn, idleWait));
        }
    }

    @PreDestroy
    void stop() {
        loop.stop();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
            attempts.releaseAllOf(me);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not free this node's remote hosts while stopping; their leases run out by themselves", e);
        }
    }

    /** Deliveries this node just queued are looked for at once. */
    public void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
        loop.wake();
    }

    @Schedule(hour = "*", minute = "*", persistent = false)
    void sweep() {
        try {
            attempts.sweep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The delivery queue's sweep failed; the next one tries again", e);
        }
    }

    /** Takes the lease of a host with deliveries due and sends them; false if none was due. */
    private boolean turn() {
        Optional<DeliveryAttempts.Claim> claim = attempts.claim(me, lease, BATCH);
        claim.ifPresent(found -> {
            loop.wake(); // there may be more: the resting workers look too
            drain(found);
        });
        return claim.isPresent();
    }

    /**
     * Sends what is due for the claimed host while this node holds it, {@value #BATCH} at a time,
     * and stops at the host's first failure. A batch's successes are recorded together with the
     * look for the next batch, the last batch's with the host's release (two transactions for a
     * host with a few deliveries), so a node dying mid-batch sends those again.
     */
    private void drain(DeliveryAttempts.Claim claim) {
        String host = claim.host();
        Instant renewed = Instant.now();
        boolean released = false;
        try {
            List<PendingDelivery> due = claim.due();
            int sent = 0;
            while (!due.isEmpty()) {
                List<PendingDelivery> done = new ArrayList<>();
                boolean last = due.size() < BATCH;
                for (PendingDelivery delivery : due) {
                    if (loop.stopping()) {
                        last = true;
                        break;
                    }
                    if (Duration.between(renewed, Instant.now()).compareTo(lease.dividedBy(2)) > 0) {
                        if (!attempts.renew(host, me, lease)) {
                            last = true; // lost the host (a long stall): its new holder sends the rest
                            break;
                        }
                        renewed = Instant.now();
                    }
                    InboxPoster.Outcome outcome = poster.post(delivery);
                    if (outcome.delivered()) {
                        done.add(delivery);
                        sent++;
                    } else if (loop.stopping()) {
                        last = true; // cut short by the node's stop, not the host's fault: it is sent again
                        break;
                    } else {
                        attempts.failed(delivery, outcome);
                        if (outcome.retry()) {
                            last = true;
                            break;
                        }
                    }
                }
                if (last || sent >= PER_CLAIM) {
                    if (loop.stopping()) {
                        attempts.delivered(host, done, 0); // the stopping node frees its hosts all at once
                    } else {
                        attempts.finish(host, me, done);
                        released = true;
                    }
                    break;
                }
                due = attempts.delivered(host, done, BATCH);
            }
        } finally {
            if (!released && !loop.stopping()) {
                attempts.release(host, me);
            }
        }
    }
}
