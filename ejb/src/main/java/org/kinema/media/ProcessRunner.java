package org.kinema.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs a media tool as a process of a {@link ProcessGroup}: standard output line by line to a
 * consumer (on the caller's thread), the last lines of standard error kept to explain a failure,
 * and a time limit kept by a watchdog, so that it holds even while the tool keeps its output open.
 */
public final class ProcessRunner {

    private static final int KEPT_ERROR_LINES = 15;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "media-tool-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private ProcessRunner() {
    }

    record Result(int exitCode, String errorTail) {
    }

    static Result run(ProcessGroup group, List<String> command, Duration timeout, Consumer<String> outputLines)
            throws MediaException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new MediaException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            ProcessGroup.destroyTree(process);
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            group.started(process);
            process.getOutputStream().close();
            Deque<String> errors = new ArrayDeque<>();
            Thread errorReader = new Thread(() -> drain(process.getErrorStream(), errors), "media-tool-stderr");
            errorReader.setDaemon(true);
            errorReader.start();
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = output.readLine()) != null) {
                    outputLines.accept(line);
                }
            }
            int exitCode = process.waitFor();
            errorReader.join(5_000);
            if (timedOut.get()) {
                throw new MediaException(command.get(0) + " did not finish within " + describe(timeout));
            }
            if (group.isStopped()) {
                throw new MediaException(command.get(0) + " was stopped");
            }
            synchronized (errors) {
                return new Result(exitCode, String.join("\n", errors));
            }
        } catch (IOException e) {
            throw new MediaException("Cannot talk to " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(command.get(0) + " was interrupted", e);
        } finally {
            watchdog.cancel(false);
            if (process.isAlive()) {
                ProcessGroup.destroyTree(process);
            }
            group.ended(process);
        }
    }

    private static String describe(Duration timeout) {
        return timeout.toMinutes() > 0 ? timeout.toMinutes() + " minutes" : timeout.toSeconds() + " seconds";
    }

    private static void drain(InputStream stream, Deque<String> errors) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                synchronized (errors) {
                    errors.addLast(line);
                    if (errors.size() > KEPT_ERROR_LINES) {
                        errors.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }
}
