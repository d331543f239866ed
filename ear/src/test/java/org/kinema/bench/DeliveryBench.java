package org.kinema.bench;

import org.kinema.it.InboxSink;
import org.kinema.it.SeededVideos;
import org.kinema.launcher.KinemaNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * How fast one new video reaches many followers: a fresh node whose channel has {@code followers}
 * remote followers, each on a host of its own (127.0.x.y on loopback, all served by one
 * {@link InboxSink} that verifies every signature with the signer's published key), plus one dead
 * inbox that accepts connections and never answers. A clip is published; the node announces it as
 * PeerTube does (by the channel and by the instance actor: two deliveries per inbox). Prints the
 * time from the deliveries' queueing to the last one verified, deliveries per second, each
 * delivery's latency (p50, p99), and when the dead inbox's delivery gave up its first try, so that
 * one sees whether it held back anything else. Then {@value #VIEWS} views of one remote video are
 * counted within a minute, and it prints how many View activities reached the video's origin.
 *
 * <pre>mvn -o verify -Pdelivery-bench -DskipTests</pre> (from the root). System properties:
 * {@code kinema.bench.port} (19660), {@code kinema.delivery.bench.followers} (1000),
 * {@code kinema.delivery.bench.dead} (true: the dead inbox follows too), {@code kinema.delivery.bench.workers}
 * (8: the node's {@code KINEMA_FEDERATION_WORKERS}), {@code kinema.delivery.bench.rounds} (1: how many videos are
 * published one after another, each fan-out measured alone; the first runs on a node that just started, its code
 * not yet compiled), {@code kinema.delivery.bench.views} (true: then the views are measured).
 */
public final class DeliveryBench {

    public static void main(String[] args) throws Exception {
        Path ear = Path.of(BenchNodes.required("kinema.ear", "delivery-bench")).toAbsolutePath();
        Path wildflyHome = Path.of(BenchNodes.required("kinema.wildfly.home", "delivery-bench")).toAbsolutePath();
        Path ffmpegDir = Path.of(BenchNodes.required("kinema.ffmpeg.dir", "delivery-bench")).toAbsolutePath();
        Path benchDir = Path.of(System.getProperty("kinema.bench.dir", "target/delivery-bench")).toAbsolutePath();
        int port = Integer.getInteger("kinema.bench.port", 19660);
        int followers = Integer.getInteger("kinema.delivery.bench.followers", 1000);
        String ffmpeg = ffmpegDir.resolve("bin/ffmpeg").toString();
        Files.createDirectories(benchDir);
        Path clip = benchDir.resolve("clip.mp4");
        if (!Files.exists(clip)) {
            new ProcessBuilder(ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=size=256x144:rate=30", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                    clip.toString()).inheritIO().start().waitFor();
        }
        try (InboxSink sink = new InboxSink(16); DeadInbox dead = new DeadInbox();
             KinemaNode node = KinemaNode.start(BenchNodes.fresh(wildflyHome, ear, benchDir.resolve("node"), "delivery-bench",
                     port, ffmpeg, ffmpegDir.resolve("bin/ffprobe").toString())
                     .setting("KINEMA_FEDERATION_ALLOW_PRIVATE", "true")
                     .setting("KINEMA_FEDERATION_WORKERS", System.getProperty("kinema.delivery.bench.workers", "8")).build())) {
            BenchClient client = new BenchClient(node.baseUrl());
            client.login("root", BenchNodes.ROOT_PASSWORD);
            long channelId = client.firstChannelId();
            List<String> inboxes = new ArrayList<>();
            for (int i = 0; i < followers; i++) {
                inboxes.add("http://" + sink.host(i) + "/inbox");
            }
            String deadInbox = "http://" + dead.host() + "/inbox";
            try (Connection db = DriverManager.getConnection(node.jdbcUrl(), node.jdbcUser(), node.jdbcPassword())) {
                seedFollowers(db, channelId, inboxes, deadInbox);
            }
            System.out.printf("%nDelivery benchmark: %,d remote followers of one channel, each on a host of its own%s;"
                    + " %s delivery workers; %d cores%n", followers, withDeadInbox() ? ", and one dead inbox" : "",
                    System.getProperty("kinema.delivery.bench.workers", "8"), Runtime.getRuntime().availableProcessors());
            int rounds = Integer.getInteger("kinema.delivery.bench.rounds", 1);
            for (int round = 1; round <= rounds; round++) {
                String uuid = client.upload(channelId, "Announced far and wide " + round, clip);
                awaitPublished(client, uuid);
                int expected = 2 * followers;
                Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
                List<InboxSink.Received> received = announcesOf(sink, uuid);
                while (received.size() < expected && Instant.now().isBefore(deadline)) {
                    Thread.sleep(50);
                    received = announcesOf(sink, uuid);
                }
                try (Connection db = DriverManager.getConnection(node.jdbcUrl(), node.jdbcUser(), node.jdbcPassword())) {
                    System.out.printf("%nRound %d of %d%n", round, rounds);
                    report(db, uuid, received, expected, sink.refused(), deadInbox, dead);
                }
            }
            if (Boolean.parseBoolean(System.getProperty("kinema.delivery.bench.views", "true"))) {
                try (Connection db = DriverManager.getConnection(node.jdbcUrl(), node.jdbcUser(), node.jdbcPassword())) {
                    viewsOfARemoteVideo(db, sink, sink.host(followers));
                }
            }
        }
    }

    /** The deliveries of a video's Announces that the inboxes verified. */
    private static List<InboxSink.Received> announcesOf(InboxSink sink, String uuid) {
        return sink.received().stream().filter(r -> r.activity().path("object").asText().endsWith("/videos/watch/" + uuid))
                .toList();
    }

    /**
     * {@value #VIEWS} views of one remote video counted within a minute (written as counted views,
     * as the view counter writes them, spread over the minute): how many View activities reach the
     * video's origin, and how many views they carry.
     */
    private static void viewsOfARemoteVideo(Connection db, InboxSink sink, String origin) throws Exception {
        long videoId = seedRemoteVideo(db, origin);
        System.out.printf("%nViews: %,d views of one video of %s counted within a minute%n", VIEWS, origin);
        Instant start = Instant.now();
        int ticks = 600;
        try (PreparedStatement counted = db.prepareStatement(
                "INSERT INTO kinema.video_view_pending (video_id) SELECT ? FROM generate_series(1, ?)")) {
            for (int tick = 0; tick < ticks; tick++) {
                counted.setLong(1, videoId);
                counted.setInt(2, VIEWS * (tick + 1) / ticks - VIEWS * tick / ticks);
                counted.executeUpdate();
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), start.plusMillis(100L * (tick + 1))).toMillis()));
            }
        }
        Instant deadline = Instant.now().plusSeconds(45);
        long carried = 0;
        List<InboxSink.Received> views = List.of();
        while (Instant.now().isBefore(deadline) && carried < VIEWS) {
            Thread.sleep(500);
            views = sink.received().stream()
                    .filter(r -> r.host().equals(origin) && "View".equals(r.activity().path("type").asText())).toList();
            carried = views.stream().mapToLong(r -> r.activity().path("views").asLong(1)).sum();
        }
        System.out.printf("%d View activities reached the origin's inbox, carrying %,d views; the last %.1f s after the"
                + " first view%n", views.size(), carried, views.isEmpty() ? Double.NaN
                : Duration.between(start, views.get(views.size() - 1).at()).toMillis() / 1000.0);
    }

    private static final int VIEWS = 10_000;

    private static boolean withDeadInbox() {
        return Boolean.parseBoolean(System.getProperty("kinema.delivery.bench.dead", "true"));
    }

    /** A video of another instance (its account and channel on {@code origin}), as federation keeps one. */
    private static long seedRemoteVideo(Connection db, String origin) throws Exception {
        String base = "http://" + origin;
        try (PreparedStatement insert = db.prepareStatement("""
                WITH origin AS (SELECT CAST(? AS text) AS host, CAST(? AS text) AS base),
                person AS (
                    INSERT INTO kinema.actor (type, preferred_username, host, url, inbox_url, shared_inbox_url, followers_url,
                                              created_at, updated_at, fetched_at)
                    SELECT 'Person', 'origin', host, base || '/accounts/origin', base || '/accounts/origin/inbox',
                           base || '/inbox', base || '/accounts/origin/followers', now(), now(), now() FROM origin
                    RETURNING id),
                account AS (
                    INSERT INTO kinema.account (actor_id, display_name, created_at, updated_at)
                    SELECT id, 'Origin', now(), now() FROM person RETURNING id),
                grp AS (
                    INSERT INTO kinema.actor (type, preferred_username, host, url, inbox_url, shared_inbox_url, followers_url,
                                              created_at, updated_at, fetched_at)
                    SELECT 'Group', 'origin_channel', host, base || '/video-channels/origin_channel',
                           base || '/video-channels/origin_channel/inbox', base || '/inbox',
                           base || '/video-channels/origin_channel/followers', now(), now(), now() FROM origin
                    RETURNING id)
                INSERT INTO kinema.video_channel (actor_id, account_id, display_name, created_at, updated_at)
                SELECT grp.id, account.id, 'Origin channel', now(), now() FROM grp, account RETURNING id""")) {
            insert.setString(1, origin);
            insert.setString(2, base);
            try (ResultSet channel = insert.executeQuery()) {
                channel.next();
                long channelId = channel.getLong(1);
                SeededVideos.insert(db, String.valueOf(channelId), 1, 1);
                try (PreparedStatement remote = db.prepareStatement(
                        "UPDATE kinema.video SET url = ? || '/videos/watch/' || uuid WHERE channel_id = ? RETURNING id")) {
                    remote.setString(1, base);
                    remote.setLong(2, channelId);
                    try (ResultSet video = remote.executeQuery()) {
                        video.next();
                        return video.getLong(1);
                    }
                }
            }
        }
    }

    private static void seedFollowers(Connection db, long channelId, List<String> inboxes, String deadInbox) throws Exception {
        List<String> all = new ArrayList<>(inboxes);
        if (withDeadInbox()) {
            all.add(deadInbox);
        }
        try (PreparedStatement insert = db.prepareStatement("""
                WITH inbox AS (SELECT i, url FROM unnest(?::text[]) WITH ORDINALITY AS t(url, i)),
                     follower AS (
                         INSERT INTO kinema.actor (type, preferred_username, host, url, inbox_url, shared_inbox_url,
                                                   followers_url, created_at, updated_at, fetched_at)
                         SELECT 'Person', 'follower' || i, split_part(split_part(url, '/', 3), '/', 1),
                                replace(url, '/inbox', '/accounts/follower' || i), replace(url, '/inbox', '/accounts/follower' || i || '/inbox'),
                                url, replace(url, '/inbox', '/accounts/follower' || i || '/followers'), now(), now(), now()
                           FROM inbox RETURNING id, url)
                INSERT INTO kinema.actor_follow (follower_id, following_id, state, url, created_at, updated_at)
                SELECT f.id, c.actor_id, 'accepted', f.url || '/follows/1', now(), now()
                  FROM follower f, kinema.video_channel c WHERE c.id = ?""")) {
            insert.setArray(1, db.createArrayOf("text", all.toArray()));
            insert.setLong(2, channelId);
            insert.executeUpdate();
        }
    }

    private static void report(Connection db, String uuid, List<InboxSink.Received> received, int expected, int refused,
                               String deadInbox, DeadInbox dead) throws Exception {
        String ofTheVideo = "%/videos/watch/" + uuid + "%";
        Instant queued;
        try (PreparedStatement query = db.prepareStatement("SELECT min(created_at) FROM kinema.delivery WHERE body LIKE ?")) {
            query.setString(1, ofTheVideo);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                queued = row.getTimestamp(1).toInstant();
            }
        }
        List<Double> latencies = received.stream().map(r -> Duration.between(queued, r.at()).toNanos() / 1e6).sorted().toList();
        double last = latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1);
        System.out.printf("%,d of %,d deliveries verified by their inboxes (%d refused); the last %.2f s after they were queued:"
                        + " %,.0f deliveries/s%n", received.size(), expected, refused, last / 1000,
                received.size() / (last / 1000));
        System.out.printf("from queued to verified: first %.0f ms, p50 %.0f ms, p99 %.0f ms%n",
                latencies.isEmpty() ? Double.NaN : latencies.get(0), percentile(latencies, 0.50), percentile(latencies, 0.99));
        try (PreparedStatement query = db.prepareStatement("""
                SELECT count(*) FILTER (WHERE attempts > 1) FROM kinema.delivery WHERE inbox_url <> ? AND body LIKE ?""")) {
            query.setString(1, deadInbox);
            query.setString(2, ofTheVideo);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                System.out.printf("deliveries to live inboxes tried more than once: %d%n", row.getInt(1));
            }
        }
        try (PreparedStatement query = db.prepareStatement(
                "SELECT state, attempts, last_error, processed_at FROM kinema.delivery WHERE inbox_url = ? AND body LIKE ? ORDER BY id")) {
            query.setString(1, deadInbox);
            query.setString(2, ofTheVideo);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Instant tried = row.getTimestamp(4) == null ? null : row.getTimestamp(4).toInstant();
                    System.out.printf("dead inbox: %s after %d attempt(s), %s%s%n", row.getString(1), row.getInt(2),
                            row.getString(3), tried == null ? "" : String.format(" (first try ended %.1f s after queueing)",
                                    Duration.between(queued, tried).toMillis() / 1000.0));
                }
            }
        }
        System.out.printf("dead inbox: %d connection(s) accepted and never answered%n", dead.accepted.size());
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static void awaitPublished(BenchClient client, String uuid) throws Exception {
        for (int i = 0; i < 600; i++) {
            int state = client.video(uuid).path("state").path("id").asInt();
            if (state == 1) {
                return;
            }
            if (state == 7) {
                throw new IllegalStateException("The bench clip failed to transcode");
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The bench clip was not published within 2 minutes");
    }

    /** A server that takes connections and never answers: a dead inbox that costs its sender a time-out. */
    private static final class DeadInbox implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket();
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        DeadInbox() throws IOException {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.9.9"), 0));
            Thread acceptor = new Thread(() -> {
                try {
                    while (!socket.isClosed()) {
                        accepted.add(socket.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "dead-inbox");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String host() {
            return "127.0.9.9:" + socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    private DeliveryBench() {
    }
}
