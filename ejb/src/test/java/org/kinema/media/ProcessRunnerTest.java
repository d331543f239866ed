package org.kinema.media;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessRunnerTest {

    @Test
    void toolThatKeepsItsOutputOpenPastTheTimeLimitIsEndedWithAReason() {
        ProcessGroup group = new ProcessGroup();
        MediaException failure = assertThrows(MediaException.class, () -> ProcessRunner.run(group,
                List.of("sh", "-c", "echo started; sleep 60"), Duration.ofSeconds(1), line -> { }));
        assertTrue(failure.getMessage().contains("did not finish within 1 seconds"), failure::getMessage);
        group.close();
    }

    @Test
    void outputLinesReachTheConsumerAndTheExitCodeIsKept() throws Exception {
        ProcessGroup group = new ProcessGroup();
        List<String> lines = new ArrayList<>();
        ProcessRunner.Result result = ProcessRunner.run(group, List.of("sh", "-c", "echo one; echo two; echo oops >&2; exit 3"),
                Duration.ofSeconds(30), lines::add);
        assertEquals(List.of("one", "two"), lines);
        assertEquals(3, result.exitCode());
        assertEquals("oops", result.errorTail());
        group.close();
    }

    @Test
    void stoppingAGroupEndsItsOwnToolsAndNoOtherGroups() throws Exception {
        ProcessGroup stopped = new ProcessGroup();
        ProcessGroup other = new ProcessGroup();
        CompletableFuture<Throwable> first = runLong(stopped);
        CompletableFuture<Throwable> second = runLong(other);
        Thread.sleep(300);
        stopped.stop();
        Throwable ended = first.get(20, TimeUnit.SECONDS);
        assertTrue(ended instanceof MediaException && ended.getMessage().contains("stopped"), String.valueOf(ended));
        assertTrue(!second.isDone(), "the other group's tool still runs");
        other.stop();
        second.get(20, TimeUnit.SECONDS);
        stopped.close();
        other.close();
    }

    @Test
    void aStoppedGroupStartsNothingMore() {
        ProcessGroup group = new ProcessGroup();
        group.stop();
        assertThrows(MediaException.class, () -> ProcessRunner.run(group, List.of("true"), Duration.ofSeconds(5), line -> { }));
        group.close();
    }

    private static CompletableFuture<Throwable> runLong(ProcessGroup group) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                ProcessRunner.run(group, List.of("sleep", "60"), Duration.ofMinutes(5), line -> { });
                return null;
            } catch (MediaException e) {
                return e;
            }
        });
    }
}
