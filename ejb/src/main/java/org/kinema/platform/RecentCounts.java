package org.kinema.platform;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Exact counts, each taken at most once per {@code fresh} period however many ask for it: a count
 * younger than that is answered as it is; an older one, up to {@code usable}, is answered too while
 * one count runs again in the background; an older one still, or none yet, is waited for, and
 * whoever asks for the same count meanwhile waits for that same one. So no one waits on a count
 * that is asked for steadily, and no count answered is older than {@code usable}. A count that takes
 * long stays fresh for {@value #EFFORT} times as long as it took (and usable for twice that), so
 * that recounting one filter never keeps more than a {@value #EFFORT}th of a core busy.
 *
 * <p>Counts are remembered per key (a query and its parameters), at most {@code capacity} of them;
 * one not asked for during {@code usable} is forgotten when room is needed, and when there is
 * none a count is simply taken. Values live in this JVM only: every node counts for itself.
 */
public final class RecentCounts {

    private static final Logger LOG = Logger.getLogger(RecentCounts.class.getName());
    static final int EFFORT = 20;

    private final long fresh;
    private final long usable;
    private final int capacity;
    private final Executor background;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<Object, Count> counts = new ConcurrentHashMap<>();

    public RecentCounts(Duration fresh, Duration usable, int capacity, Executor background, LongSupplier nanoClock) {
        this.fresh = fresh.toNanos();
        this.usable = usable.toNanos();
        this.capacity = capacity;
        this.background = background;
        this.nanoClock = nanoClock;
    }

    /**
     * The count for {@code key}, taken by {@code counter} when it must be: in the background when an
     * older count can be answered meanwhile, on this thread when it must be waited for (a count run
     * elsewhere would need a second database connection while this thread holds one, and a full
     * pool would then wait on itself).
     */
    public long count(Object key, LongSupplier counter) {
        long now = nanoClock.getAsLong();
        Count count = counts.get(key);
        if (count == null) {
            if (counts.size() >= capacity) {
                counts.values().removeIf(old -> now - old.askedAt > usable);
            }
            if (counts.size() >= capacity) {
                return counter.getAsLong();
            }
            count = counts.computeIfAbsent(key, k -> new Count());
        }
        count.askedAt = now;
        long age = now - count.countedAt;
        long freshFor = Math.max(fresh, EFFORT * count.took);
        if (count.counted && age < freshFor) {
            return count.value;
        }
        if (count.counted && age < Math.max(usable, 2 * freshFor)) {
            long last = count.value;
            count.recount(counter);
            return last;
        }
        return count.countHere(counter);
    }

    private static long join(CompletableFuture<Long> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** One count: its last value, when it was taken, and the recount under way, if any. */
    private final class Count {

        private volatile boolean counted;
        private volatile long value;
        private volatile long countedAt;
        private volatile long took;
        private volatile long askedAt;
        private CompletableFuture<Long> running;

        synchronized CompletableFuture<Long> recount(LongSupplier counter) {
            CompletableFuture<Long> pending = running;
            if (pending == null) {
                long started = nanoClock.getAsLong();
                pending = CompletableFuture.supplyAsync(counter::getAsLong, background);
                running = pending;
                pending.whenComplete((result, failure) -> done(started, nanoClock.getAsLong(), result, failure));
            }
            return pending;
        }

        /** Takes the count on this thread, or waits for the one already running. */
        long countHere(LongSupplier counter) {
            CompletableFuture<Long> mine = new CompletableFuture<>();
            CompletableFuture<Long> pending;
            synchronized (this) {
                pending = running;
                if (pending == null) {
                    running = mine;
                }
            }
            if (pending != null) {
                return join(pending);
            }
            long started = nanoClock.getAsLong();
            try {
                long result = counter.getAsLong();
                done(started, nanoClock.getAsLong(), result, null);
                mine.complete(result);
                return result;
            } catch (RuntimeException | Error e) {
                done(started, nanoClock.getAsLong(), null, e);
                mine.completeExceptionally(e);
                throw e;
            }
        }

        private synchronized void done(long started, long ended, Long result, Throwable failure) {
            if (failure == null && result != null) {
                value = result;
                countedAt = started;
                took = ended - started;
                counted = true;
            } else {
                LOG.log(Level.WARNING, "A count failed; the last one stands for now", failure);
            }
            running = null;
        }
    }
}
