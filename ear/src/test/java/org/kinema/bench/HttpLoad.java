package org.kinema.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP/1.1 load as lean as it gets, for a machine whose few cores the server under
 * test needs: each connection is one plain thread with one keep-alive socket and one request in
 * flight, sending prepared bytes and reading the answer just far enough to find its end. Latency is
 * kept per request of the measured window; the warm-up before it is not counted.
 */
final class HttpLoad {

    /** What a window measured: answers a second, latency percentiles, answers other than 200. */
    record Result(double perSecond, double p50Ms, double p99Ms, long errors) {
    }

    private final String host;
    private final int port;

    HttpLoad(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** {@code connections} connections GET a path picked at random from {@code paths}, again and again. */
    Result run(List<String> paths, int connections, Duration warmup, Duration window) throws InterruptedException {
        List<byte[]> requests = paths.stream().map(path -> ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII)).toList();
        long start = System.nanoTime();
        long from = start + warmup.toNanos();
        long until = from + window.toNanos();
        AtomicLong errors = new AtomicLong();
        List<Connection> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Connection connection = new Connection(requests, from, until, errors);
            workers.add(connection);
            connection.thread.start();
        }
        long answers = 0;
        List<long[]> latencies = new ArrayList<>();
        for (Connection worker : workers) {
            worker.thread.join();
            answers += worker.count;
            latencies.add(Arrays.copyOf(worker.latencies, worker.count));
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(answers / (window.toNanos() / 1e9), percentile(all, 0.50), percentile(all, 0.99), errors.get());
    }

    private static double percentile(long[] sortedNanos, double fraction) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.ceil(fraction * sortedNanos.length) - 1)] / 1e6;
    }

    private final class Connection {

        private final Thread thread;
        private long[] latencies = new long[1024];
        private int count;

        Connection(List<byte[]> requests, long from, long until, AtomicLong errors) {
            thread = new Thread(() -> {
                Socket socket = null;
                InputStream in = null;
                while (System.nanoTime() < until) {
                    try {
                        if (socket == null) {
                            socket = new Socket();
                            socket.setTcpNoDelay(true);
                            socket.connect(new InetSocketAddress(host, port), 5000);
                            socket.setSoTimeout(30_000);
                            in = new BufferedInputStream(socket.getInputStream(), 65536);
                        }
                        byte[] request = requests.get(ThreadLocalRandom.current().nextInt(requests.size()));
                        long sent = System.nanoTime();
                        OutputStream out = socket.getOutputStream();
                        out.write(request);
                        out.flush();
                        Answer answer = Answer.read(in);
                        long done = System.nanoTime();
                        if (answer.status() != 200) {
                            errors.incrementAndGet();
                        }
                        if (sent >= from && done <= until) {
                            record(done - sent);
                        }
                        if (answer.closes()) {
                            socket.close();
                            socket = null;
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        socket = closeQuietly(socket);
                    }
                }
                closeQuietly(socket);
            }, "http-load");
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }

    private static Socket closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // gone already
            }
        }
        return null;
    }

    /**
     * The status of one HTTP/1.1 answer, read to its end (by {@code Content-Length} or chunks) and
     * thrown away, and whether the server closes the connection after it.
     */
    record Answer(int status, boolean closes) {

        static Answer read(InputStream in) throws IOException {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            long length = -1;
            boolean chunked = false;
            boolean closes = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closes = true;
                }
            }
            if (chunked) {
                for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
                    skip(in, size);
                    line(in);
                }
                for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used
                }
            } else if (length > 0) {
                skip(in, length);
            }
            return new Answer(status, closes);
        }

        private static long chunkSize(InputStream in) throws IOException {
            String size = line(in);
            int extension = size.indexOf(';');
            return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
        }

        private static void skip(InputStream in, long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("The answer ended " + left + " bytes early");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("The connection closed in the middle of an answer");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
