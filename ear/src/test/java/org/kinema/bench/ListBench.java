package org.kinema.bench;

import org.kinema.it.SeededVideos;
import org.kinema.launcher.KinemaNode;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether video lists stay flat from a thousand videos to a million: one fresh node per size, each
 * seeded straight into its PostgreSQL (public published videos with tags and a file each, spread
 * over two channels per account, one account in five remote), and the closed-loop throughput and
 * p99 latency of {@code GET /api/v1/videos?count=25} under every sort PeerTube clients send, and
 * of single videos by UUID, with the ratio of each figure to the smallest size's.
 *
 * <p>The sizes are measured side by side: each request kind on each node in turn, in several
 * rounds, and the median round kept. The machine is shared, and whatever else runs on it then
 * weighs on every size alike instead of on whichever was measured at the time.
 *
 * <p>From the project root (no install needed):
 * <pre>
 * mvn verify -Plist-bench -DskipTests
 * </pre>
 * System properties: {@code kinema.list.bench.sizes} (1000,100000,1000000),
 * {@code kinema.list.bench.connections} (32), {@code kinema.list.bench.warmup} (3) and
 * {@code kinema.list.bench.seconds} (8): seconds of warm-up and of measurement per request kind
 * and node; {@code kinema.list.bench.rounds} (3); {@code kinema.list.bench.jit} (30): seconds of
 * every request kind on every node before the first round, so that no node is measured while its
 * JIT compiler is still at work; {@code kinema.bench.port} (19325: the nodes take it and every fifth
 * port after it) and {@code kinema.bench.dir}; {@code kinema.list.bench.hold} (false; true: seed the
 * last size only, measure nothing, print how to reach the node and its database, and keep it up
 * until a file {@code stop} appears in the bench folder: for looking at plans by hand).
 */
public final class ListBench {

    private static final List<String> SORTS = List.of("-publishedAt", "-createdAt", "-views", "-likes", "-duration",
            "name", "-trending", "-hot", "-best");
    private static final String SINGLE = "single video";
    private static final int VIDEOS_PER_STATEMENT = 100_000;
    private static final int VIDEOS_PER_ACCOUNT = 400;
    private static final int PORT_STEP = 5;

    /** A node seeded with {@code size} videos, and the requests measured on it by kind. */
    private record Seeded(long size, KinemaNode node, Connection db, HttpLoad load, Map<String, List<String>> requests) {
    }

    public static void main(String[] args) throws Exception {
        Path ear = Path.of(BenchNodes.required("kinema.ear", "list-bench")).toAbsolutePath();
        Path wildflyHome = Path.of(BenchNodes.required("kinema.wildfly.home", "list-bench")).toAbsolutePath();
        Path ffmpegDir = Path.of(BenchNodes.required("kinema.ffmpeg.dir", "list-bench")).toAbsolutePath();
        Path benchDir = Path.of(System.getProperty("kinema.bench.dir", "target/list-bench")).toAbsolutePath();
        int port = Integer.getInteger("kinema.bench.port", 19325);
        int connections = Integer.getInteger("kinema.list.bench.connections", 32);
        Duration warmup = Duration.ofSeconds(Integer.getInteger("kinema.list.bench.warmup", 3));
        Duration window = Duration.ofSeconds(Integer.getInteger("kinema.list.bench.seconds", 8));
        Duration jit = Duration.ofSeconds(Integer.getInteger("kinema.list.bench.jit", 30));
        int rounds = Integer.getInteger("kinema.list.bench.rounds", 3);
        List<Long> sizes = Arrays.stream(System.getProperty("kinema.list.bench.sizes", "1000,100000,1000000").split(","))
                .map(size -> Long.parseLong(size.trim())).toList();
        if (Boolean.getBoolean("kinema.list.bench.hold")) {
            sizes = List.of(sizes.get(sizes.size() - 1));
        }
        System.out.printf(Locale.ROOT, "List benchmark: %d cores, %d connections, %d s warm-up + %d s measured per request kind"
                        + " and size, %d rounds%n", Runtime.getRuntime().availableProcessors(), connections, warmup.toSeconds(),
                window.toSeconds(), rounds);
        List<Seeded> nodes = new ArrayList<>();
        try {
            for (long size : sizes) {
                int nodePort = port + PORT_STEP * nodes.size();
                var settings = BenchNodes.fresh(wildflyHome, ear, benchDir.resolve("node-" + size), "list-bench-" + size,
                                nodePort, ffmpegDir.resolve("bin/ffmpeg").toString(), ffmpegDir.resolve("bin/ffprobe").toString())
                        .setting("KINEMA_RATE_LIMIT_API", "0")
                        .setting("KINEMA_RATE_LIMIT_LOGIN", "0")
                        .build();
                KinemaNode node = KinemaNode.start(settings);
                Connection db = DriverManager.getConnection(node.jdbcUrl(), node.jdbcUser(), node.jdbcPassword());
                nodes.add(new Seeded(size, node, db, new HttpLoad("localhost", nodePort), new LinkedHashMap<>()));
                long started = System.nanoTime();
                seed(db, node.baseUrl(), size);
                System.out.printf(Locale.ROOT, "%,d videos seeded and analysed in %.0f s at %s (PostgreSQL %s); ", size,
                        (System.nanoTime() - started) / 1e9, node.baseUrl(), single(db, "SHOW server_version"));
                System.out.printf(Locale.ROOT, "the list's total shows them after %.1f s%n", awaitTotal(node.baseUrl(), size));
            }
            if (Boolean.getBoolean("kinema.list.bench.hold")) {
                hold(nodes.get(0).node(), benchDir.resolve("stop"));
                return;
            }
            for (Seeded seeded : nodes) {
                SORTS.forEach(sort -> seeded.requests().put(sort, List.of("/api/v1/videos?count=25&sort=" + sort)));
                seeded.requests().put(SINGLE, sample(seeded.db()).stream().map(uuid -> "/api/v1/videos/" + uuid).toList());
                for (List<String> paths : seeded.requests().values()) {
                    seeded.load().run(paths, connections, jit.dividedBy(seeded.requests().size()), Duration.ofSeconds(1));
                }
            }
            Map<Long, Map<String, List<HttpLoad.Result>>> results = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                System.out.printf(Locale.ROOT, "%nRound %d of %d (load average %.1f)%n", round, rounds, loadAverage());
                for (String request : nodes.get(0).requests().keySet()) {
                    for (Seeded seeded : nodes) {
                        HttpLoad.Result result = seeded.load().run(seeded.requests().get(request), connections, warmup, window);
                        results.computeIfAbsent(seeded.size(), size -> new LinkedHashMap<>())
                                .computeIfAbsent(request, kind -> new ArrayList<>()).add(result);
                        print(seeded.size(), request, result);
                    }
                }
            }
            printTable(results);
        } finally {
            for (Seeded seeded : nodes) {
                seeded.db().close();
                seeded.node().close();
            }
        }
    }

    private static void hold(KinemaNode node, Path stop) throws Exception {
        System.out.printf("Node at %s, database %s (user %s, password %s); touch %s to stop%n", node.baseUrl(),
                node.jdbcUrl(), node.jdbcUser(), node.jdbcPassword(), stop);
        while (!Files.exists(stop)) {
            Thread.sleep(1000);
        }
        Files.delete(stop);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Seeds accounts, their channels and {@code size} videos, then lets PostgreSQL gather statistics and write it all out. */
    private static void seed(Connection db, String publicUrl, long size) throws SQLException {
        execute(db, OWNERS, 1L, Math.max(5, size / VIDEOS_PER_ACCOUNT), publicUrl);
        execute(db, CHANNELS, publicUrl);
        for (long first = 1; first <= size; first += VIDEOS_PER_STATEMENT) {
            SeededVideos.insert(db, "SELECT id FROM kinema.video_channel", first, Math.min(size, first + VIDEOS_PER_STATEMENT - 1));
        }
        try (Statement statement = db.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
        try (Connection superuser = DriverManager.getConnection(db.getMetaData().getURL(), "postgres", "");
             Statement statement = superuser.createStatement()) {
            statement.execute("CHECKPOINT"); // the seeding's writes, flushed before anything is measured
        }
    }

    /** Accounts numbered from the second parameter to the third, with their Person actors and, for the local four in five, users. */
    private static final String OWNERS = """
            WITH person AS (
                INSERT INTO kinema.actor (type, preferred_username, host, url, inbox_url, created_at, updated_at)
                SELECT 'Person', 'bench' || g, CASE WHEN g % 5 = 0 THEN 'peer' || g % 13 || '.example' END, u, u || '/inbox',
                       now() - g * interval '1 minute', now() - g * interval '1 minute'
                FROM generate_series(?, ?) AS g,
                     LATERAL (SELECT CASE WHEN g % 5 = 0 THEN 'https://peer' || g % 13 || '.example' ELSE ? END
                                     || '/accounts/bench' || g AS u) AS url
                RETURNING id, preferred_username, host, created_at),
            local_user AS (
                INSERT INTO kinema.users (username, email, password_hash, role, video_quota, video_quota_daily, created_at)
                SELECT preferred_username, preferred_username || '@bench.example', 'no login', 2, -1, -1, created_at
                FROM person WHERE host IS NULL
                RETURNING id, username)
            INSERT INTO kinema.account (actor_id, user_id, display_name, created_at, updated_at)
            SELECT p.id, u.id, 'Bench account ' || p.preferred_username, p.created_at, p.created_at
            FROM person p LEFT JOIN local_user u ON u.username = p.preferred_username""";

    /** Two channels (Group actors) for every bench account. */
    private static final String CHANNELS = """
            WITH owner AS (
                SELECT a.id, p.preferred_username AS name, p.host, k
                FROM kinema.account a JOIN kinema.actor p ON p.id = a.actor_id CROSS JOIN generate_series(1, 2) AS k
                WHERE p.preferred_username LIKE 'bench%'),
            grp AS (
                INSERT INTO kinema.actor (type, preferred_username, host, url, inbox_url, created_at, updated_at)
                SELECT 'Group', name || '_c' || k, host, u, u || '/inbox', now(), now()
                FROM owner, LATERAL (SELECT coalesce('https://' || host, ?) || '/video-channels/' || name || '_c' || k AS u) AS url
                RETURNING id, preferred_username)
            INSERT INTO kinema.video_channel (actor_id, account_id, display_name, created_at, updated_at)
            SELECT g.id, o.id, 'Bench channel ' || g.preferred_username, now(), now()
            FROM grp g JOIN owner o ON g.preferred_username = o.name || '_c' || o.k""";

    private static void execute(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** Waits until the list's total counts every seeded video; returns the seconds that took. */
    private static double awaitTotal(String baseUrl, long size) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Pattern total = Pattern.compile("\"total\":(\\d+)");
        long started = System.nanoTime();
        String body = "";
        while (System.nanoTime() - started < Duration.ofMinutes(2).toNanos()) {
            body = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/videos?count=1")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher matcher = total.matcher(body);
            if (matcher.find() && Long.parseLong(matcher.group(1)) == size) {
                return (System.nanoTime() - started) / 1e9;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The list never showed a total of " + size + ": " + body);
    }

    /** A thousand videos picked at random, for single-video lookups. */
    private static List<String> sample(Connection db) throws SQLException {
        List<String> uuids = new ArrayList<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT uuid FROM kinema.video ORDER BY random() LIMIT 1000")) {
            while (rows.next()) {
                uuids.add(rows.getString(1));
            }
        }
        return uuids;
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void print(long size, String request, HttpLoad.Result result) {
        System.out.printf(Locale.ROOT, "  %,10d  %-14s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms%s%n", size, request,
                result.perSecond(), result.p50Ms(), result.p99Ms(), result.errors() > 0 ? "  errors " + result.errors() : "");
    }

    /** Each size's median req/s and p99 over the rounds, side by side, with their ratios to the first size's. */
    private static void printTable(Map<Long, Map<String, List<HttpLoad.Result>>> results) {
        List<Long> sizes = new ArrayList<>(results.keySet());
        long base = sizes.get(0);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%nMedians of the rounds%n%-14s", "GET"));
        for (long size : sizes) {
            head.append(String.format(Locale.ROOT, " | %,9d: req/s p99 ms", size));
            if (size != base) {
                head.append("  req/s÷  p99÷");
            }
        }
        System.out.println(head);
        for (String request : results.get(base).keySet()) {
            double baseRate = median(results.get(base).get(request), HttpLoad.Result::perSecond);
            double baseP99 = median(results.get(base).get(request), HttpLoad.Result::p99Ms);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-14s", request));
            for (long size : sizes) {
                double rate = median(results.get(size).get(request), HttpLoad.Result::perSecond);
                double p99 = median(results.get(size).get(request), HttpLoad.Result::p99Ms);
                row.append(String.format(Locale.ROOT, " | %16.0f %6.1f", rate, p99));
                if (size != base) {
                    row.append(String.format(Locale.ROOT, "  %6.2f %5.2f", rate / baseRate, p99 / baseP99));
                }
            }
            System.out.println(row);
        }
        System.out.printf(Locale.ROOT, "(req/s÷ and p99÷: the figure at that size divided by the one at %,d videos; "
                + "goal: req/s÷ ≥ 0.80 and p99 ≤ 100 ms)%n", base);
    }

    private static double median(List<HttpLoad.Result> rounds, ToDoubleFunction<HttpLoad.Result> figure) {
        return BenchNodes.median(rounds.stream().map(figure::applyAsDouble).toList());
    }
}
