package org.kinema.tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes what one connection is sent during a turn of an I/O thread's event loop in one go, at the
 * end of that turn, instead of one socket write per message.
 *
 * <p>Why: a tracker message is small and a busy peer is sent several in a short time (its announce's
 * answer, offers and answers relayed from other peers). One write per message was a system call,
 * and across I/O threads a wake-up, per message; WildFly's I/O threads handle every socket that
 * became readable before they run their queued tasks, so a flush queued on the thread runs once
 * everything that turn received has been handled.
 *
 * <p>How: on a thread that runs an event loop — XNIO's I/O threads are {@link Executor}s, where the
 * tracker handles frames ({@code dispatch-to-worker=false}) — the first send of a turn asks the
 * connection to hold its frames and queues the flush of this thread's held connections on the loop.
 * On any other thread (a database lookup finishing on the managed executor) a send is written at
 * once, as before. A connection holds frames only while a flush of it is queued somewhere, so no
 * frame, not even Undertow's own (pongs, close frames), waits longer than the end of a turn.
 */
final class TurnFlush {

    private static final Logger LOG = Logger.getLogger(TurnFlush.class.getName());

    /** A connection able to hold its frames back and write the held ones together. */
    interface Target {
        /** From now on, frames wait for {@link #writeHeld()} (true) or are written at once (false). */
        void holdFrames(boolean hold);

        /** Writes every frame held so far. */
        void writeHeld();
    }

    /** Connections this thread will flush at the end of its turn; the flush is queued while it is not empty. */
    private static final ThreadLocal<List<TurnFlush>> DUE = ThreadLocal.withInitial(ArrayList::new);

    private final Target target;
    private final AtomicBoolean queued = new AtomicBoolean();

    TurnFlush(Target target) {
        this.target = target;
    }

    /** Called before each send to the target. */
    void beforeSend() {
        if (!(Thread.currentThread() instanceof Executor loop) || !queued.compareAndSet(false, true)) {
            // not on an event loop (the send is written at once), or a flush of the target is queued already
            return;
        }
        target.holdFrames(true);
        List<TurnFlush> due = DUE.get();
        due.add(this);
        if (due.size() == 1) {
            try {
                loop.execute(() -> flushAll(due));
            } catch (RuntimeException e) {
                // the loop is shutting down: nothing may wait for it
                LOG.log(Level.FINE, "Tracker: the I/O thread takes no more tasks; writing at once", e);
                flushAll(due);
            }
        }
    }

    private static void flushAll(List<TurnFlush> due) {
        // by index: a flush may cause another connection of this thread to be added
        for (int i = 0; i < due.size(); i++) {
            due.get(i).flush();
        }
        due.clear();
    }

    private void flush() {
        // in this order: a send racing with it on another thread either queues a new flush or is written at once
        queued.set(false);
        try {
            target.holdFrames(false);
            target.writeHeld();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Tracker: writing a connection's held frames failed", e);
        }
    }
}
