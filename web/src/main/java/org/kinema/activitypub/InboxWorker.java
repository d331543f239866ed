package org.kinema.activitypub;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.kinema.federation.ClaimedActivity;
import org.kinema.federation.InboxProcessing;
import org.kinema.platform.DomainException;
import org.kinema.platform.PollingLoop;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processes the activities inboxes accepted, on every node: one worker takes the oldest activity
 * due (skipping those another node holds), handles it and marks it processed. A failure is kept
 * with its error: one that may pass (a remote server that did not answer) is tried again later,
 * up to {@value #ATTEMPTS} times; one that will not (the sender may not do this) is given up at once.
 * The worker looks once a second, and at once when this node's inbox accepted something.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class InboxWorker {

    private static final Logger LOG = Logger.getLogger(InboxWorker.class.getName());
    /** Long enough for the fetches of one activity (a backfill reads pages of an outbox). */
    private static final Duration LEASE = Duration.ofMinutes(5);
    static final int ATTEMPTS = 5;
    private static final Duration RETRY = Duration.ofSeconds(30);
    private static final long IDLE_WAIT_MILLIS = 1000;

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private InboxProcessing processing;

    @Inject
    private ActivityHandler handler;

    private final PollingLoop loop = new PollingLoop(IDLE_WAIT_MILLIS, LOG, "The inbox worker's turn");
    private ExecutorService worker;

    @PostConstruct
    void start() {
        worker = Executors.newSingleThreadExecutor(threads);
        worker.execute(() -> loop.run(this::turn));
    }

    @PreDestroy
    void stop() {
        loop.stop();
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An inbox of this node accepted an activity: it is looked at now. */
    public void wake() {
        loop.wake();
    }

    /** Processes the oldest activity due; false if none was. */
    private boolean turn() {
        Optional<ClaimedActivity> claimed = processing.claim(LEASE);
        claimed.ifPresent(this::process);
        return claimed.isPresent();
    }

    private void process(ClaimedActivity activity) {
        try {
            handler.handle(activity);
            processing.processed(activity.id());
        } catch (RemoteFetcher.Refused e) {
            retryOrGiveUp(activity, e.getMessage());
        } catch (RuntimeException e) {
            DomainException refused = domainCause(e);
            if (refused != null) {
                LOG.fine(() -> "Activity " + activity.id() + " (" + activity.type() + ") refused: " + refused.getMessage());
                processing.failed(activity.id(), refused.getMessage(), null);
            } else {
                LOG.log(Level.INFO, "Activity " + activity.id() + " (" + activity.type() + ") failed", e);
                retryOrGiveUp(activity, String.valueOf(e));
            }
        }
    }

    private void retryOrGiveUp(ClaimedActivity activity, String error) {
        processing.failed(activity.id(), error, activity.attempts() >= ATTEMPTS ? null : RETRY.multipliedBy(activity.attempts()));
    }

    private static DomainException domainCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause instanceof EJBException ejb && ejb.getCausedByException() != null
                ? ejb.getCausedByException() : cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
