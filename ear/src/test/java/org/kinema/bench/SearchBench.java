package org.kinema.bench;

import org.kinema.launcher.KinemaNode;
import org.kinema.launcher.NodeSettings;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Search latency at 10,000 and 100,000 public videos: {@code GET /api/v1/search/videos} with a mix
 * of queries, from a few keep-alive connections in a closed loop.
 *
 * <p>Run it from the project root (it builds what it needs; no tests are run):
 * <pre>
 * mvn -o verify -Psearch-bench -DskipTests
 * </pre>
 * The {@code search-bench} profile of {@code ear/pom.xml} runs this class with exec-maven-plugin.
 * System properties (the profile sets the first three): {@code kinema.ear}, {@code kinema.wildfly.home},
 * {@code kinema.bench.dir}, and optionally {@code kinema.bench.port} (19560),
 * {@code kinema.search.bench.sizes} (10000,100000), {@code kinema.search.bench.seconds} (20 measured,
 * after 15 of warm-up), {@code kinema.search.bench.connections} (2) and {@code kinema.search.bench.hold}
 * (false; true: keep the node up after the last size until a file {@code stop} appears in the bench
 * folder, for {@code EXPLAIN ANALYZE} by hand; the JDBC URL is printed).
 *
 * <p>What it does: starts a fresh node with rate limits off; for each size, adds videos straight into
 * its PostgreSQL ({@link SearchCorpus}: the database's triggers keep their search documents),
 * compacts and analyses the table, then sends searches for 5 s unmeasured and for the measured
 * seconds, and prints requests per second and the p50 and p99 latency of all of them and of each
 * kind: common words, rare words (made-up names), misspelt words, prefixes, two words, and a
 * word with a filter or another sort; then the CPU the node (WildFly and PostgreSQL) used per
 * request, and the machine's load average: latency on a machine shared with other work says as
 * much about that work as about search, CPU per request does not.
 */
public final class SearchBench {

    private static final Duration WARMUP = Duration.ofSeconds(15);
    /** Linux's USER_HZ, the unit of the CPU times in /proc/PID/stat. */
    private static final double TICKS_PER_SECOND = 100;

    /** One request of the mix: what kind of query it is and its query string. */
    record Query(String kind, String query) {
    }

    public static void main(String[] args) throws Exception {
        Path ear = Path.of(BenchNodes.required("kinema.ear", "search-bench")).toAbsolutePath();
        Path wildflyHome = Path.of(BenchNodes.required("kinema.wildfly.home", "search-bench")).toAbsolutePath();
        Path ffmpegDir = Path.of(System.getProperty("kinema.ffmpeg.dir",
                wildflyHome.getParent().resolve("ffmpeg").toString())).toAbsolutePath();
        Path benchDir = Path.of(System.getProperty("kinema.bench.dir", "target/search-bench")).toAbsolutePath();
        int port = Integer.getInteger("kinema.bench.port", 19560);
        int seconds = Integer.getInteger("kinema.search.bench.seconds", 20);
        int connections = Integer.getInteger("kinema.search.bench.connections", 2);
        int[] sizes = Arrays.stream(System.getProperty("kinema.search.bench.sizes", "10000,100000").split(","))
                .mapToInt(size -> Integer.parseInt(size.strip())).toArray();

        NodeSettings settings = BenchNodes.fresh(wildflyHome, ear, benchDir.resolve("node"), "search-bench-node", port,
                        ffmpegDir.resolve("bin/ffmpeg").toString(), ffmpegDir.resolve("bin/ffprobe").toString())
                .setting("KINEMA_RATE_LIMIT_API", "0")
                .setting("KINEMA_RATE_LIMIT_LOGIN", "0")
                .build();
        say("%d cores; %d connections, %d s measured after %d s of warm-up per size", Runtime.getRuntime().availableProcessors(),
                connections, seconds, WARMUP.toSeconds());
        say("starting Kinema on port %d", port);
        try (KinemaNode node = KinemaNode.start(settings)) {
            for (int size : sizes) {
                long started = System.nanoTime();
                try (Connection db = DriverManager.getConnection(node.jdbcUrl(), node.jdbcUser(), node.jdbcPassword())) {
                    SearchCorpus.seed(db, size);
                }
                say("%,d videos seeded in %.0f s", size, (System.nanoTime() - started) / 1e9);
                List<Query> mix = mix(new Random(size));
                run(node.baseUrl(), mix, connections, WARMUP);
                Map<String, List<Long>> latencies = new LinkedHashMap<>();
                String loadBefore = loadAverage();
                long serverBefore = serverTicks(benchDir.resolve("node"));
                long clientBefore = BenchNodes.cpuTicks(ProcessHandle.current().pid());
                long[] counts = run(node.baseUrl(), mix, connections, Duration.ofSeconds(seconds), latencies);
                double serverSeconds = (serverTicks(benchDir.resolve("node")) - serverBefore) / TICKS_PER_SECOND;
                double clientSeconds = (BenchNodes.cpuTicks(ProcessHandle.current().pid()) - clientBefore) / TICKS_PER_SECOND;
                report(size, seconds, counts, latencies);
                say("    server CPU (WildFly + PostgreSQL) %.1f ms per request, %.2f cores; load generator %.2f cores;"
                        + " machine load average %s before, %s after", serverSeconds * 1000 / counts[0],
                        serverSeconds / seconds, clientSeconds / seconds, loadBefore, loadAverage());
            }
            if (Boolean.getBoolean("kinema.search.bench.hold")) {
                say("holding: psql %s (user %s); touch %s to stop", node.jdbcUrl(), node.jdbcUser(), benchDir.resolve("stop"));
                while (!Files.exists(benchDir.resolve("stop"))) {
                    Thread.sleep(1000);
                }
                Files.delete(benchDir.resolve("stop"));
            }
            say("stopping Kinema");
        }
    }

    /** 400 searches: what people type, common and rare, misspelt and cut short, some narrowed by a filter. */
    static List<Query> mix(Random random) {
        List<String> words = SearchCorpus.WORDS;
        List<Query> mix = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int dice = random.nextInt(100);
            String common = words.get(random.nextInt(30));
            String any = words.get((int) (Math.pow(random.nextDouble(), 1.5) * words.size()));
            if (dice < 25) {
                mix.add(new Query("common word", "search=" + common));
            } else if (dice < 40) {
                mix.add(new Query("rare word", "search=" + rareWord(random)));
            } else if (dice < 52) {
                mix.add(new Query("misspelt word", "search=" + misspelt(any.length() > 4 ? any : "hydrology", random)));
            } else if (dice < 60) {
                mix.add(new Query("prefix", "search=" + any.substring(0, Math.min(any.length(), 3 + random.nextInt(2)))));
            } else if (dice < 80) {
                mix.add(new Query("two words", "search=" + encode(any + " " + words.get(random.nextInt(words.size())))));
            } else {
                mix.add(new Query("word + filter", "search=" + encode(any) + "&" + filter(random)));
            }
        }
        return mix;
    }

    private static String rareWord(Random random) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            word.append(SearchCorpus.SYLLABLES.get(random.nextInt(SearchCorpus.SYLLABLES.size())));
        }
        return word.toString();
    }

    /** One typing slip: a letter dropped, doubled or two swapped. */
    private static String misspelt(String word, Random random) {
        int at = 1 + random.nextInt(word.length() - 2);
        return switch (random.nextInt(3)) {
            case 0 -> word.substring(0, at) + word.substring(at + 1);
            case 1 -> word.substring(0, at) + word.charAt(at) + word.substring(at);
            default -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
        };
    }

    private static String filter(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "categoryOneOf=" + (1 + random.nextInt(18));
            case 1 -> "languageOneOf=fr";
            case 2 -> "durationMin=600";
            case 3 -> "tagsOneOf=" + encode(SearchCorpus.TAGS.get(random.nextInt(SearchCorpus.TAGS.size())));
            case 4 -> "startDate=" + LocalDate.now().minusYears(1);
            case 5 -> "sort=-views";
            case 6 -> "sort=-publishedAt";
            default -> "isLocal=true&nsfw=false";
        };
    }

    private static long[] run(String baseUrl, List<Query> mix, int connections, Duration duration) throws InterruptedException {
        return run(baseUrl, mix, connections, duration, null);
    }

    /**
     * Sends the mix round and round from {@code connections} threads, each on its own keep-alive
     * HTTP/1.1 connection, for {@code duration}; returns requests and failures, and adds each
     * latency (ns) to its kind's list when a map is given.
     */
    private static long[] run(String baseUrl, List<Query> mix, int connections, Duration duration,
                              Map<String, List<Long>> latencies) throws InterruptedException {
        AtomicLong requests = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        List<Map<String, List<Long>>> perThread = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            Map<String, List<Long>> own = new LinkedHashMap<>();
            perThread.add(own);
            int offset = t * mix.size() / connections;
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                for (int i = offset; System.nanoTime() < end; i++) {
                    Query query = mix.get(i % mix.size());
                    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/search/videos?" + query.query()))
                            .timeout(Duration.ofSeconds(30)).build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    own.computeIfAbsent(query.kind(), kind -> new ArrayList<>()).add(System.nanoTime() - sent);
                    requests.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (latencies != null) {
            perThread.forEach(own -> own.forEach((kind, values) ->
                    latencies.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(values)));
        }
        return new long[] {requests.get(), failures.get()};
    }

    private static void report(int size, int seconds, long[] counts, Map<String, List<Long>> latencies) {
        List<Long> all = latencies.values().stream().flatMap(List::stream).toList();
        say("videos=%d requests=%d errors=%d req/s=%.0f p50_ms=%.1f p99_ms=%.1f", size, counts[0], counts[1],
                counts[0] / (double) seconds, percentile(all, 50), percentile(all, 99));
        latencies.forEach((kind, values) -> say("    %-14s n=%-6d p50_ms=%-6.1f p99_ms=%.1f", kind, values.size(),
                percentile(values, 50), percentile(values, 99)));
    }

    /** CPU ticks used so far by the node's WildFly and its PostgreSQL (the server and its backends). */
    private static long serverTicks(Path nodeDir) throws IOException {
        long ticks = BenchNodes.wildflyPid(nodeDir).map(BenchNodes::cpuTicks).orElse(0L);
        long postmaster = Long.parseLong(Files.readAllLines(nodeDir.resolve("postgresql/postmaster.pid")).get(0).strip());
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(proc.getFileName().toString());
                if (pid == postmaster || parent(proc) == postmaster) {
                    ticks += Math.max(0, BenchNodes.cpuTicks(pid));
                }
            }
        }
        return ticks;
    }

    private static long parent(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** The nearest-rank percentile of latencies in ns, in ms. */
    static double percentile(List<Long> latencies, int percent) {
        if (latencies.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[search-bench] " + format + "%n", args);
        System.out.flush();
    }
}
