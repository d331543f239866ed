package org.kinema.platform;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecentCountsTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final Background background = new Background();
    private final RecentCounts counts = new RecentCounts(Duration.ofSeconds(2), Duration.ofSeconds(10), 3, background,
            clock::get);
    private final Counter rows = new Counter();

    @Test
    void aFreshCountIsTakenOnceHoweverManyAskForIt() {
        assertEquals(1, counts.count("videos", rows));
        later(1_900);
        assertEquals(1, counts.count("videos", rows));
        assertEquals(1, rows.taken);
    }

    @Test
    void anAgingCountIsAnsweredAtOnceWhileOneRecountRunsInTheBackground() {
        counts.count("videos", rows);
        background.holding = true;
        later(3_000);
        assertEquals(1, counts.count("videos", rows));
        assertEquals(1, counts.count("videos", rows));
        assertEquals(1, background.held.size(), "one recount, however many asked");
        background.release();
        assertEquals(2, counts.count("videos", rows));
    }

    @Test
    void aCountOlderThanUsableIsWaitedFor() {
        counts.count("videos", rows);
        later(10_000);
        assertEquals(2, counts.count("videos", rows));
    }

    @Test
    void aRecountReportsTheRowsAsTheyWereWhenItStarted() {
        counts.count("videos", rows);
        background.holding = true;
        later(3_000);
        counts.count("videos", rows);
        later(50);
        background.release();
        background.holding = true;
        later(1_960);
        assertEquals(2, counts.count("videos", rows));
        assertEquals(1, background.held.size(), "started 2.01 s ago: recounted again in the background");
    }

    @Test
    void aCountThatTakesLongIsTakenLessOften() {
        LongSupplier slow = () -> {
            later(500);
            return rows.getAsLong();
        };
        assertEquals(1, counts.count("videos", slow));
        later(9_000);
        assertEquals(1, counts.count("videos", slow), "fresh for 20 times 0.5 s");
        later(1_000);
        assertEquals(1, counts.count("videos", slow), "then answered while counted again");
        assertEquals(2, counts.count("videos", slow));
    }

    @Test
    void aCountWaitedForIsTakenOnTheAskingThreadNotInTheBackground() {
        background.holding = true;
        assertEquals(1, counts.count("videos", rows));
        assertEquals(0, background.held.size());
    }

    @Test
    void eachKeyHasItsOwnCount() {
        assertEquals(1, counts.count("videos", rows));
        assertEquals(2, counts.count("channel 7", rows));
        assertEquals(1, counts.count("videos", rows));
    }

    @Test
    void withoutRoomACountIsTakenEveryTimeUntilOldOnesAreForgotten() {
        for (String key : List.of("a", "b", "c")) {
            counts.count(key, rows);
        }
        assertEquals(4, counts.count("d", rows));
        assertEquals(5, counts.count("d", rows));
        later(10_001);
        assertEquals(6, counts.count("d", rows));
        assertEquals(6, counts.count("d", rows));
    }

    @Test
    void aFailedRecountLeavesTheLastCountStandingAndAFailedFirstCountFails() {
        counts.count("videos", rows);
        later(3_000);
        assertEquals(1, counts.count("videos", () -> {
            throw new IllegalStateException("database down");
        }));
        background.holding = true;
        assertEquals(1, counts.count("videos", rows), "the count of 3 s ago");
        background.holding = false;
        assertThrows(IllegalStateException.class, () -> counts.count("channel 7", () -> {
            throw new IllegalStateException("database down");
        }));
    }

    private void later(long millis) {
        clock.addAndGet(Duration.ofMillis(millis).toNanos());
    }

    /** Rows that grow by one each time they are counted. */
    private static final class Counter implements LongSupplier {
        int taken;

        @Override
        public long getAsLong() {
            return ++taken;
        }
    }

    /** Runs work at once, or holds it until released. */
    private static final class Background implements Executor {
        boolean holding;
        final List<Runnable> held = new ArrayList<>();

        @Override
        public void execute(Runnable work) {
            if (holding) {
                held.add(work);
            } else {
                work.run();
            }
        }

        void release() {
            List<Runnable> work = List.copyOf(held);
            held.clear();
            holding = false;
            work.forEach(Runnable::run);
        }
    }
}
