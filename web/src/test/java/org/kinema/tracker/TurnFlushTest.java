package org.kinema.tracker;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TurnFlushTest {

    /** A connection that logs what it is asked to do, and whether frames are held when one is sent. */
    private static final class Socket implements TurnFlush.Target {
        final List<String> log = Collections.synchronizedList(new ArrayList<>());
        private final TurnFlush flush = new TurnFlush(this);
        boolean holding;

        void send(String message) {
            flush.beforeSend();
            log.add((holding ? "held " : "written ") + message);
        }

        @Override
        public void holdFrames(boolean hold) {
            holding = hold;
            log.add("hold " + hold);
        }

        @Override
        public void writeHeld() {
            log.add("write held");
        }
    }

    /** An event loop as XNIO's I/O threads run it: a turn handles events, then the tasks queued meanwhile. */
    private static class Loop extends Thread implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();
        private final Runnable turn;

        Loop(Runnable turn) {
            this.turn = turn;
        }

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        @Override
        public void run() {
            turn.run();
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                task.run();
            }
        }

        void runTurn() throws InterruptedException {
            start();
            join();
        }
    }

    @Test
    void messagesSentDuringATurnAreWrittenInOneGoAtItsEnd() throws InterruptedException {
        Socket a = new Socket();
        Socket b = new Socket();
        new Loop(() -> {
            a.send("1");
            b.send("2");
            a.send("3");
            a.log.add("turn over");
        }).runTurn();

        assertEquals(List.of("hold true", "held 1", "held 3", "turn over", "hold false", "write held"), a.log);
        assertEquals(List.of("hold true", "held 2", "hold false", "write held"), b.log);
    }

    @Test
    void theNextTurnHoldsAndFlushesAgain() throws InterruptedException {
        Socket a = new Socket();
        new Loop(() -> a.send("1")).runTurn();
        new Loop(() -> a.send("2")).runTurn();

        assertEquals(List.of("hold true", "held 1", "hold false", "write held",
                "hold true", "held 2", "hold false", "write held"), a.log);
    }

    @Test
    void aSendOutsideAnEventLoopIsWrittenAtOnce() throws InterruptedException {
        Socket a = new Socket();
        Thread executorThread = new Thread(() -> {
            a.send("1");
            a.send("2");
        });
        executorThread.start();
        executorThread.join();

        assertEquals(List.of("written 1", "written 2"), a.log);
        assertFalse(a.holding);
    }

    @Test
    void aLoopThatTakesNoMoreTasksWritesAtOnce() throws InterruptedException {
        Socket a = new Socket();
        Thread closing = new Loop(() -> a.send("1")) {
            @Override
            public void execute(Runnable task) {
                throw new IllegalStateException("thread exiting");
            }
        };
        closing.start();
        closing.join();

        assertEquals(List.of("hold true", "hold false", "write held", "written 1"), a.log);
    }
}
