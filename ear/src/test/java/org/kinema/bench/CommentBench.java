package org.kinema.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.kinema.launcher.KinemaNode;

import java.io.IOException;
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
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How fast a video's comments are read: a fresh node, one published video with 10,000 comments
 * (threads with 0 to 8 replies each, and one thread of 500 comments) written straight into its
 * PostgreSQL, then, once every request kind is warmed up, each in turn from a few keep-alive connections:
 * the first page of threads in both sorts, a long page, a small thread's tree and the large one's.
 * Prints requests per second, p50 and p99.
 *
 * <pre>mvn -o -pl ear verify -Pcomment-bench</pre> (after a build of the other modules in the same
 * reactor, e.g. {@code mvn -o verify -Pcomment-bench -DskipTests} from the root). System properties:
 * {@code kinema.bench.port} (19650), {@code kinema.comment.bench.connections} (4),
 * {@code kinema.comment.bench.seconds} (20 per request kind, after as long again of warm-up of every kind).
 */
public final class CommentBench {

    private static final int COMMENTS = 10_000;
    private static final int BIG_THREAD = 500;

    public static void main(String[] args) throws Exception {
        Path ear = Path.of(BenchNodes.required("kinema.ear", "comment-bench")).toAbsolutePath();
        Path wildflyHome = Path.of(BenchNodes.required("kinema.wildfly.home", "comment-bench")).toAbsolutePath();
        Path ffmpegDir = Path.of(BenchNodes.required("kinema.ffmpeg.dir", "comment-bench")).toAbsolutePath();
        Path benchDir = Path.of(System.getProperty("kinema.bench.dir", "target/comment-bench")).toAbsolutePath();
        int port = Integer.getInteger("kinema.bench.port", 19650);
        int connections = Integer.getInteger("kinema.comment.bench.connections", 4);
        int seconds = Integer.getInteger("kinema.comment.bench.seconds", 20);
        String ffmpeg = ffmpegDir.resolve("bin/ffmpeg").toString();

        Path clip = benchDir.resolve("clip.mp4");
        Files.createDirectories(benchDir);
        if (!Files.exists(clip)) {
            run(ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=256x144:rate=30",
                    "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", clip.toString());
        }
        try (KinemaNode node = KinemaNode.start(BenchNodes.fresh(wildflyHome, ear, benchDir.resolve("node"), "comment-bench",
                port, ffmpeg, ffmpegDir.resolve("bin/ffprobe").toString()).build())) {
            BenchClient client = new BenchClient(node.baseUrl());
            client.login("root", BenchNodes.ROOT_PASSWORD);
            for (int i = 0; i < 10; i++) {
                client.postJson("/api/v1/users", Map.of("username", "commenter" + i, "password", "commenter-password",
                        "email", "commenter" + i + "@kinema.bench", "role", 2));
            }
            String uuid = client.upload(client.firstChannelId(), "Much discussed", clip);
            awaitPublished(client, uuid);
            Threads threads;
            try (Connection db = DriverManager.getConnection(node.jdbcUrl(), node.jdbcUser(), node.jdbcPassword())) {
                threads = seed(db, uuid, node.baseUrl());
            }
            System.out.printf("%n%,d comments on video %s: %,d threads; thread %d has %d comments%n", COMMENTS, uuid,
                    threads.count(), threads.big(), BIG_THREAD);
            System.out.printf("%d keep-alive connections, %d s warm-up then %d s per request kind%n%n", connections, seconds,
                    seconds);
            String base = node.baseUrl() + "/api/v1/videos/" + uuid + "/comment-threads";
            Map<String, String> kinds = new LinkedHashMap<>();
            kinds.put("threads ?count=20&sort=-createdAt", base + "?count=20&sort=-createdAt");
            kinds.put("threads ?count=20&sort=-totalReplies", base + "?count=20&sort=-totalReplies");
            kinds.put("threads ?count=100&sort=-createdAt", base + "?count=100&sort=-createdAt");
            kinds.put("threads ?count=20&sort=createdAt&start=1000", base + "?count=20&sort=createdAt&start=1000");
            kinds.put("thread tree, 9 comments", base + "/" + threads.small());
            kinds.put("thread tree, " + BIG_THREAD + " comments", base + "/" + threads.big());
            for (String url : kinds.values()) {
                load(url, connections, seconds);
            }
            System.out.printf("%-46s %10s %9s %9s%n", "request", "req/s", "p50 ms", "p99 ms");
            for (Map.Entry<String, String> kind : kinds.entrySet()) {
                Result result = load(kind.getValue(), connections, seconds);
                System.out.printf("%-46s %,10.0f %9.2f %9.2f%n", kind.getKey(), result.perSecond(), result.p50(), result.p99());
            }
        }
    }

    private record Threads(int count, long small, long big) {
    }

    private record Result(double perSecond, double p50, double p99) {
    }

    /** Threads with 0 to 8 replies each, and one thread of {@value #BIG_THREAD} comments: {@value #COMMENTS} in all. */
    private static Threads seed(Connection db, String uuid, String baseUrl) throws Exception {
        int threads = 0;
        int comments = BIG_THREAD;
        while (comments + 1 + (threads + 1) % 9 <= COMMENTS) {
            threads++;
            comments += 1 + threads % 9;
        }
        int padding = COMMENTS - comments;
        String url = baseUrl + "/videos/watch/" + uuid + "/comments/";
        try (Statement sql = db.createStatement()) {
            sql.execute("CREATE TEMP TABLE bench AS SELECT (SELECT id FROM kinema.video WHERE uuid = '" + uuid + "') AS video,"
                    + " (SELECT array_agg(id ORDER BY id) FROM kinema.account) AS accounts");
            sql.execute("INSERT INTO kinema.video_comment (id, url, video_id, account_id, text, html, created_at, updated_at)"
                    + " SELECT s.id, '" + url + "' || s.id, b.video, b.accounts[1 + s.g % cardinality(b.accounts)],"
                    + " 'Thread ' || s.g, '<p>Thread ' || s.g || '</p>', now() - (s.g || ' minutes')::interval,"
                    + " now() - (s.g || ' minutes')::interval"
                    + " FROM bench b, (SELECT nextval('kinema.video_comment_id_seq') AS id, g FROM generate_series(1, "
                    + (threads + 1 + padding) + ") g) s");
            sql.execute("INSERT INTO kinema.video_comment (id, url, video_id, origin_comment_id, in_reply_to_comment_id,"
                    + " account_id, text, html, created_at, updated_at)"
                    + " SELECT x.id, '" + url + "' || x.id, b.video, x.root, x.root,"
                    + " b.accounts[1 + (x.n + x.k) % cardinality(b.accounts)], 'Reply ' || x.k, '<p>Reply ' || x.k || '</p>',"
                    + " x.created_at + (x.k || ' seconds')::interval, x.created_at + (x.k || ' seconds')::interval"
                    + " FROM bench b, (SELECT nextval('kinema.video_comment_id_seq') AS id, r.id AS root, r.n, r.created_at, k"
                    + " FROM (SELECT id, created_at, row_number() OVER (ORDER BY id) AS n FROM kinema.video_comment"
                    + " WHERE video_id = (SELECT video FROM bench) AND origin_comment_id IS NULL) r,"
                    + " generate_series(1, CASE WHEN r.n = 1 THEN " + (BIG_THREAD - 1) + " WHEN r.n <= " + (threads + 1)
                    + " THEN (r.n - 1) % 9 ELSE 0 END) k) x");
            sql.execute("ANALYZE kinema.video_comment");
            try (ResultSet check = sql.executeQuery("SELECT count(*), count(*) FILTER (WHERE origin_comment_id IS NULL),"
                    + " min(id) FILTER (WHERE origin_comment_id IS NULL) FROM kinema.video_comment")) {
                check.next();
                if (check.getInt(1) != COMMENTS) {
                    throw new IllegalStateException("Seeded " + check.getInt(1) + " comments, not " + COMMENTS);
                }
                long big = check.getLong(3);
                try (PreparedStatement small = db.prepareStatement("SELECT id FROM kinema.video_comment"
                        + " WHERE origin_comment_id IS NULL AND total_replies = 8 ORDER BY id LIMIT 1")) {
                    ResultSet row = small.executeQuery();
                    row.next();
                    return new Threads(check.getInt(2), row.getLong(1), big);
                }
            }
        }
    }

    /** Requests {@code url} from each connection in a loop for the given time; the rate and latencies of them all. */
    private static Result load(String url, int connections, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<List<Long>>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            workers.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < until) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        throw new IOException(url + " answered " + response.statusCode() + ": " + new String(response.body()));
                    }
                    latencies.add(System.nanoTime() - start);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> worker : workers) {
            all.addAll(worker.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(sorted.length / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
    }

    private static void awaitPublished(BenchClient client, String uuid) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode video = client.video(uuid);
            int state = video.path("state").path("id").asInt();
            if (state == 1) {
                return;
            }
            if (state == 7) {
                throw new IllegalStateException("The bench clip failed to transcode: " + video);
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The bench clip was not published within 5 minutes");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("Failed: " + Arrays.toString(command));
        }
    }
}
