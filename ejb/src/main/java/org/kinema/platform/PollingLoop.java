package org.kinema.platform;

import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The loop of a worker thread that drains a durable queue: it takes turns until stopped; after a
 * turn that found nothing it waits a while, or until {@link #wake()}; a turn that fails is logged
 * and followed by a pause, never the end of the worker.
 */
public final class PollingLoop {

    private final Object work = new Object();
    private final long idleMillis;
    private final Logger log;
    private final String what;
    private volatile boolean stopping;

    public PollingLoop(long idleMillis, Logger log, String what) {
        this.idleMillis = idleMillis;
        this.log = log;
        this.what = what;
    }

    /** Runs turns until stopped; {@code turn} says whether it found work (then the next follows at once). */
    public void run(BooleanSupplier turn) {
        run(turn, idleMillis);
    }

    /**
     * As {@link #run(BooleanSupplier)}, waiting {@code idleWaitMillis} after a turn that found nothing: a
     * resting worker waits long and is woken by a sibling that found work and calls {@link #wake()}.
     */
    public void run(BooleanSupplier turn, long idleWaitMillis) {
        while (!stopping) {
            try {
                if (!turn.getAsBoolean()) {
                    synchronized (work) {
                        work.wait(idleWaitMillis);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!stopping) {
                    log.log(Level.WARNING, what + " failed; it goes on", e);
                    try {
                        Thread.sleep(idleMillis);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }

    /** Work may be waiting: the idle workers look now. */
    public void wake() {
        synchronized (work) {
            work.notifyAll();
        }
    }

    public void stop() {
        stopping = true;
        wake();
    }

    public boolean stopping() {
        return stopping;
    }
}
