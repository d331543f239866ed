package org.kinema.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a media tool as a process: standard output line by line to a consumer, the last lines of
 * standard error kept to explain a failure, and a time limit.
 */
public final class ProcessRunner {

    private static final int KEPT_ERROR_LINES = 15;
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private ProcessRunner() {
    }

    record Result(int exitCode, String errorTail) {
    }

    /**
     * Ends every media tool this node runs, e.g. when the server stops: a child process would
     * otherwise outlive the JVM and keep working for a job that will run again elsewhere.
     */
    public static void stopAll() {
        RUNNING.forEach(Process::destroyForcibly);
    }

    static Result run(List<String> command, Duration timeout, Consumer<String> outputLines) throws MediaException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new MediaException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        RUNNING.add(process);
        Deque<String> errors = new ArrayDeque<>();
        Thread errorReader = new Thread(() -> drain(process, errors), "media-tool-stderr");
        errorReader.setDaemon(true);
        errorReader.start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                outputLines.accept(line);
            }
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new MediaException(command.get(0) + " did not finish within " + timeout.toMinutes() + " minutes");
            }
            errorReader.join(5_000);
            synchronized (errors) {
                return new Result(process.exitValue(), String.join("\n", errors));
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw new MediaException("Reading from " + command.get(0) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MediaException(command.get(0) + " was interrupted", e);
        } finally {
            RUNNING.remove(process);
        }
    }

    private static void drain(Process process, Deque<String> errors) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
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
