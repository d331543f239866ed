package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinema.launcher.Folders;
import org.kinema.launcher.KinemaCluster;
import org.kinema.launcher.KinemaNode;
import org.kinema.launcher.NodeSettings;
import org.kinema.media.LadderEncoder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes and WildFly's balancer on one machine, one database and one media folder, as the
 * README's cluster command starts them: the balancer spreads requests over both nodes and names
 * them in its health; a login on one node opens the API on the other; a resumable upload whose
 * chunks alternate between the nodes arrives whole; two tracker peers on different nodes exchange
 * an offer and an answer; a long upload is encoded in parts by both nodes, watchable (in Chromium,
 * on into the joined streams) while its first part encodes; the balancer keeps answering while a
 * node restarts; real viewers in Chromium whose players use different nodes' trackers share
 * segments; and a node killed mid-transcode or mid-delivery leaves its work to the other, which
 * finishes it once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(BrowserLab.class)
class ClusterIT {

    /** The balancer's port; the nodes answer on the next two (bridged into the browser lab too). */
    static final int PORT = Integer.getInteger("kinema.it.port", 19100) + 10;
    private static final String LEASE_SECONDS = "10";
    private static final String FEDERATION_LEASE_SECONDS = "30";
    private static final String PART_SECONDS = "48";
    private static final int LONG_SECONDS = 192;
    private static Path dir;
    private static KinemaCluster cluster;
    private static Api balanced;
    private static String token;
    /** A video uploaded through both nodes, published by the time the tracker test runs. */
    private static String uploaded;
    /** A minute-long video, published by the time the browsers watch it. */
    private static String lecture;

    @BeforeAll
    static void startTheCluster() throws Exception {
        dir = Path.of(System.getProperty("kinema.it.dir", "target/it")).resolve("cluster").toAbsolutePath();
        Folders.delete(dir);
        cluster = KinemaCluster.start(NodeSettings.builder()
                .wildflyHome(Path.of(System.getProperty("kinema.wildfly.home")))
                .ear(Path.of(System.getProperty("kinema.ear")))
                .instanceDir(dir)
                .nodeName("it-node")
                .setting("KINEMA_HTTP_PORT", String.valueOf(PORT))
                .setting("KINEMA_ADMIN_PASSWORD", KinemaServer.ROOT_PASSWORD)
                .setting("KINEMA_TRANSCODING_LEASE_SECONDS", LEASE_SECONDS)
                .setting("KINEMA_FEDERATION_LEASE_SECONDS", FEDERATION_LEASE_SECONDS)
                // sources of 72 s and more are split (into parts of 48 s); the minute-long ones are not
                .setting("KINEMA_TRANSCODING_PART_SECONDS", PART_SECONDS)
                .setting("KINEMA_FEDERATION_ALLOW_PRIVATE", "true")
                // the test polls the nodes faster than PeerTube's API rate allows one address
                .setting("KINEMA_RATE_LIMIT_EXEMPT", "127.0.0.1")
                .build(), 2);
        balanced = new Api(cluster.baseUrl());
        token = balanced.rootToken(KinemaServer.ROOT_PASSWORD);
    }

    @AfterAll
    static void stopIt() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void theBalancerSpreadsRequestsOverBothNodesAndTheirHealthNamesTheMembers() {
        Set<String> answering = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            JsonNode health = balanced.get("/health", null).json();
            assertEquals("UP", health.path("status").asText(), health::toString);
            answering.add(health.path("node").asText());
            List<String> members = new ArrayList<>();
            health.path("members").forEach(member -> members.add(member.asText()));
            assertEquals(List.of("it-node-1", "it-node-2"), members.stream().sorted().toList(), health::toString);
        }
        assertEquals(Set.of("it-node-1", "it-node-2"), answering, "each node answered some");
    }

    @Test
    @Order(2)
    void aLoginOnOneNodeOpensTheApiOnTheOther() {
        String onFirst = node(0).rootToken(KinemaServer.ROOT_PASSWORD);
        Api.Reply me = node(1).get("/api/v1/users/me", onFirst);
        assertEquals(200, me.status(), me::toString);
        assertEquals("root", me.json().path("username").asText());
    }

    @Test
    @Order(3)
    void aResumableUploadWhoseChunksAlternateBetweenTheNodesArrivesWhole() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-6s-240p.mp4"), 6, 426, 240);
        byte[] bytes = Files.readAllBytes(clip);
        Api.Reply begun = node(0).send("POST", "/api/v1/videos/upload-resumable", token, Map.of(
                        "Content-Type", "application/json",
                        "X-Upload-Content-Length", String.valueOf(bytes.length),
                        "X-Upload-Content-Type", "video/mp4"),
                Api.JSON.writeValueAsBytes(Map.of("name", "Chunks from two nodes", "channelId", Videos.channelOf(balanced, token),
                        "privacy", 1, "filename", "alternating.mp4")));
        assertEquals(201, begun.status(), begun::toString);
        String path = "/api/v1/videos/upload-resumable?" + begun.header("Location").split("\\?")[1];
        int chunks = 4;
        int size = (bytes.length + chunks - 1) / chunks;
        Api.Reply last = null;
        for (int i = 0; i < chunks; i++) {
            int from = i * size;
            int to = Math.min(bytes.length, from + size);
            byte[] chunk = java.util.Arrays.copyOfRange(bytes, from, to);
            last = node(i % 2).send("PUT", path, token, Map.of("Content-Range",
                    "bytes " + from + "-" + (to - 1) + "/" + bytes.length), chunk);
            assertEquals(to == bytes.length ? 200 : 308, last.status(), last::toString);
        }
        uploaded = last.json().path("video").path("uuid").asText();
        JsonNode source = node(1).get("/api/v1/videos/" + uploaded + "/source", token).json();
        assertArrayEquals(bytes, balanced.bytes(source.path("fileDownloadUrl").asText(), token, null),
                "the original is byte for byte what was sent");
        Videos.awaitPublished(balanced, token, uploaded);
    }

    @Test
    @Order(4)
    void trackerPeersOnDifferentNodesExchangeAnOfferAndAnAnswer() throws Exception {
        JsonNode video = balanced.get("/api/v1/videos/" + uploaded, null).json();
        String master = new String(balanced.bytes(video.path("streamingPlaylists").path(0).path("playlistUrl").asText(),
                null, null), java.nio.charset.StandardCharsets.UTF_8);
        String swarm = BrowserSwarms.infoHashes(uploaded, master).get(0);
        TrackerPeer first = new TrackerPeer(trackerOf(0));
        TrackerPeer second = new TrackerPeer(trackerOf(1));
        try {
            assertNull(second.announce(swarm, 0, null).get("failure reason"));
            // the second node tells the first of its peer
            Eventually.await("the first node to count the peer of the second", () -> scrapeIncomplete(first, swarm),
                    incomplete -> incomplete == 1);
            JsonNode reply = first.announce(swarm, 1, null);
            assertNull(reply.get("failure reason"), reply::toString);
            JsonNode offer = second.next(message -> message.has("offer"));
            assertEquals(first.peerId, offer.path("peer_id").asText(), "the offer comes from the first node's peer");
            assertEquals(first.offerIds.get(0), offer.path("offer_id").asText());

            second.send(second.message(swarm).put("to_peer_id", first.peerId)
                    .put("offer_id", offer.path("offer_id").asText())
                    .set("answer", Api.JSON.createObjectNode().put("type", "answer").put("sdp", "v=0 answer")));
            JsonNode answer = first.next(message -> message.has("answer"));
            assertEquals(second.peerId, answer.path("peer_id").asText());
            assertEquals("v=0 answer", answer.path("answer").path("sdp").asText());
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    @Order(5)
    void aLongUploadIsEncodedInPartsByBothNodesAtOnceAndJoinedIntoOneLadder() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-" + LONG_SECONDS + "s-360p.mp4"), LONG_SECONDS, 640, 360);
        String uuid = Videos.uploaded(balanced, token, clip, Map.of("name", "Long lecture in parts"));
        Set<String> encodedBy = new HashSet<>();
        Set<Integer> partsSeen = new HashSet<>();
        boolean together = false;
        String watchedRendition = null;
        boolean watchableDuringTheFirstPart = false;
        List<WebDriver> browsers = new ArrayList<>();
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
            while (Instant.now().isBefore(deadline)) {
                JsonNode seen = balanced.get("/api/v1/videos/" + uuid, token).json();
                if (Videos.complete(seen)) {
                    break;
                }
                List<PartRow> parts = parts(uuid);
                parts.forEach(part -> partsSeen.add(part.part()));
                parts.stream().map(PartRow::encodedBy).filter(node -> node != null).forEach(encodedBy::add);
                together |= parts.stream()
                        .filter(part -> part.output() == null && part.owner() != null && part.progress() > 0)
                        .map(PartRow::owner).distinct().count() == 2;
                if (watchedRendition == null && seen.path("state").path("id").asInt() == Videos.PUBLISHED) {
                    watchableDuringTheFirstPart = parts.stream().anyMatch(part -> part.part() == 0 && part.output() == null);
                    watchedRendition = renditions(seen).get(0);
                    String text = balanced.get(watchedRendition, null).body();
                    assertTrue(text.contains("#EXT-X-PLAYLIST-TYPE:EVENT") && text.contains("#EXTINF:")
                            && !text.contains("#EXT-X-ENDLIST"),
                            "viewers watch its first segments while it encodes: " + text);
                    browsers.add(BrowserLab.browser());
                    browsers.get(0).get(cluster.node(0).baseUrl() + "/videos/embed/" + uuid + "?autoplay=1");
                }
                fastForward(browsers);
                Thread.sleep(200);
            }
            JsonNode video = Videos.awaitPublished(balanced, token, uuid);
            assertEquals(Set.of(0, 1, 2, 3), partsSeen, "192 s in parts of 48 s");
            assertEquals(Set.of("it-node-1", "it-node-2"), encodedBy, "each node encoded parts");
            assertTrue(together, "both nodes encoded a part at the same time");
            assertTrue(watchableDuringTheFirstPart,
                    "published while its first part was encoded, as one node publishes a video");
            String complete = renditions(video).get(0);
            assertNotEquals(watchedRendition, complete, "the joined streams are named apart from the first part's");
            assertEquals(balanced.get(complete, null).body(), balanced.get(watchedRendition, null).body(),
                    "the playlist its viewers loaded, reloaded, leads them to the complete streams");
            assertOneLadderOnTheGrid(video, LONG_SECONDS);

            // a viewer who opened it while its first part encoded (playing at four times the speed) goes on to its end
            Map<String, Object> played = BrowserP2PIT.stats(browsers.get(0));
            Instant until = Instant.now().plus(Duration.ofMinutes(3));
            while (!Boolean.TRUE.equals(played.get("ended")) && Instant.now().isBefore(until)) {
                fastForward(browsers);
                Thread.sleep(500);
                played = BrowserP2PIT.stats(browsers.get(0));
            }
            assertEquals(Boolean.TRUE, played.get("ended"), "played from the first part into the joined streams, to the"
                    + " end: " + played + " at " + ((JavascriptExecutor) browsers.get(0))
                    .executeScript("return document.querySelector('video')?.currentTime") + " s");
        } finally {
            browsers.forEach(WebDriver::quit);
        }
    }

    /** The viewers' players play at four times the speed. */
    private static void fastForward(List<WebDriver> browsers) {
        for (WebDriver browser : browsers) {
            ((JavascriptExecutor) browser).executeScript("const video = document.querySelector('video');"
                    + " if (video) video.playbackRate = 4;");
        }
    }

    private static List<String> hlsFiles(String uuid) {
        try (Stream<Path> files = Files.list(dir.resolve("media/streaming-playlists/hls").resolve(uuid))) {
            return files.map(file -> file.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The paths of the renditions' playlists the video's master playlist names. */
    private static List<String> renditions(JsonNode video) {
        String master = URI.create(video.path("streamingPlaylists").path(0).path("playlistUrl").asText()).getPath();
        String folder = master.substring(0, master.lastIndexOf('/') + 1);
        return Media.uris(balanced.get(master, null).body()).stream().map(playlist -> folder + playlist).toList();
    }

    @Test
    @Order(6)
    void aPartWhoseNodeIsKilledIsEncodedAgainByTheOtherNode() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-" + LONG_SECONDS + "s-360p.mp4"), LONG_SECONDS, 640, 360);
        String uuid = Videos.uploaded(balanced, token, clip, Map.of("name", "Long lecture, one part lost"));
        Lease video = Eventually.await("the video's job to split it", () -> {
            try {
                return parts(uuid).isEmpty() ? null
                        : lease("SELECT lease_owner, lease_id FROM kinema.video WHERE uuid = ?::uuid", uuid);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, lease -> lease != null);
        String helper = video.owner().equals("it-node-1") ? "it-node-2" : "it-node-1";
        PartRow lost = Eventually.await("the other node to be under way with a part", () -> {
            try {
                return parts(uuid).stream().filter(part -> helper.equals(part.owner()) && part.output() == null
                        && part.progress() >= 5 && part.progress() <= 60).findFirst().orElse(null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, part -> part != null);
        int killed = helper.equals("it-node-1") ? 0 : 1;
        cluster.node(killed).killServer();
        try {
            thePartIsEncodedAgainByTheVideosNode(uuid, video, lost);
        } finally {
            cluster.node(killed).restartServer();
            cluster.awaitBalanced();
        }
    }

    private static void thePartIsEncodedAgainByTheVideosNode(String uuid, Lease video, PartRow lost) throws Exception {
        List<PartRow> before = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            List<PartRow> parts = parts(uuid);
            if (parts.isEmpty()) {
                break;
            }
            before.clear();
            before.addAll(parts);
            Thread.sleep(200);
        }
        JsonNode published = Videos.awaitPublished(balanced, token, uuid);
        PartRow again = before.stream().filter(part -> part.part() == lost.part()).findFirst().orElseThrow();
        assertEquals(video.owner(), again.encodedBy(), "the lost part was encoded again by the video's node: " + before);
        assertEquals("ABANDONED", batchStatusOf(lost.leaseId()), "the dead node's part job is marked abandoned");
        assertOneLadderOnTheGrid(published, LONG_SECONDS);
    }

    @Test
    @Order(7)
    void aVideoWhoseNodeIsKilledMidEncodeIsPublishedOnceByTheOtherAndTheBalancerKeepsAnswering() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-60s-360p.mp4"), 60, 640, 360);
        String uuid = Videos.uploaded(balanced, token, clip, Map.of("name", "Lecture across nodes"));
        lecture = uuid;
        awaitProgress(uuid, 5);
        Lease lease = lease("SELECT lease_owner, lease_id FROM kinema.video WHERE uuid = ?::uuid", uuid);
        int owner = lease.owner().equals("it-node-1") ? 0 : 1;
        cluster.node(owner).killServer();

        JsonNode video = Videos.awaitPublished(balanced, token, uuid);
        assertEquals(3, video.path("streamingPlaylists").path(0).path("files").size(), "one set of renditions");
        assertEquals(1, video.path("files").size(), "one downloadable file");
        String playlist = video.path("streamingPlaylists").path(0).path("playlistUrl").asText();
        String prefix = playlist.substring(playlist.lastIndexOf('/') + 1).split("-")[0];
        // the dead job's streams, watched while it encoded, stay a little for the players that loaded them, then go
        Eventually.await("only the complete streams to be left", () -> hlsFiles(uuid),
                names -> names.stream().allMatch(name -> name.startsWith(prefix + "-")));
        Media.Result decoded = Media.decode(playlist);
        assertEquals(0, decoded.exitCode(), decoded::output);
        assertEquals("ABANDONED", batchStatusOf(lease.id()), "the dead node's job execution is marked abandoned");

        Path deadWork = dir.resolve("media/work").resolve(lease.id());
        Eventually.await("the dead job's work folder to be swept", () -> Files.notExists(deadWork), gone -> gone);

        // the killed node starts again while the balancer is asked all the time
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean restarting = new AtomicBoolean(true);
        Thread asking = new Thread(() -> {
            while (restarting.get()) {
                Api.Reply reply = balanced.get("/api/v1/config", null);
                if (reply.status() != 200) {
                    failures.add(reply.status() + " " + reply.body());
                }
            }
        });
        asking.start();
        try {
            cluster.node(owner).restartServer();
            cluster.awaitBalanced();
        } finally {
            restarting.set(false);
            asking.join();
        }
        assertEquals(List.of(), failures, "the balancer answered every request while a node restarted");
    }

    @Test
    @Order(8)
    void viewersWhosePlayersReachTheTrackerThroughDifferentNodesShareSegments() throws Exception {
        List<WebDriver> browsers = new ArrayList<>();
        try {
            // each player announces to the tracker of the node that served its page
            WebDriver first = watch(browsers, 0);
            Thread.sleep(6000);
            WebDriver second = watch(browsers, 1);
            Map<String, Object> later = BrowserP2PIT.awaitStats(second, stats -> BrowserP2PIT.number(stats, "p2pBytes") > 0,
                    Duration.ofSeconds(60));
            System.out.println("Cluster P2P: viewer on node 1 " + BrowserP2PIT.stats(first) + ", on node 2 " + later);
            assertTrue(BrowserP2PIT.number(later, "p2pBytes") > 0,
                    "the viewer of node 2 received bytes from the viewer of node 1: " + later);
        } finally {
            browsers.forEach(WebDriver::quit);
        }
    }

    private static WebDriver watch(List<WebDriver> browsers, int node) {
        WebDriver browser = BrowserLab.browser();
        browsers.add(browser);
        browser.get(cluster.node(node).baseUrl() + "/videos/embed/" + lecture + "?autoplay=1");
        return browser;
    }

    @Test
    @Order(9)
    void aDeliveryWhoseNodeIsKilledMidPostIsMadeOnceByTheOther() throws Exception {
        // a remote inbox that holds the first POST unanswered, then answers every later one
        List<String> completed = new CopyOnWriteArrayList<>();
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        HttpServer inbox = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        inbox.setExecutor(Executors.newFixedThreadPool(4));
        inbox.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (firstArrived.getCount() > 0) {
                    firstArrived.countDown();
                    released.await(60, TimeUnit.SECONDS); // never answered: its node dies meanwhile
                    return;
                }
                exchange.sendResponseHeaders(202, -1);
                completed.add(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        inbox.start();
        try {
            String host = "127.0.0.1:" + inbox.getAddress().getPort();
            long channelActor = channelActor();
            try (Connection db = database()) {
                long follower = RemoteFollowers.person(db, host, "ida", "ida", "http://" + host + "/accounts/ida/inbox",
                        "http://" + host + "/inbox");
                RemoteFollowers.follow(db, follower, channelActor);
            }
            assertEquals(204, balanced.putJson("/api/v1/videos/" + uploaded, token,
                    Map.of("name", "Renamed across nodes")).status());
            assertTrue(firstArrived.await(30, TimeUnit.SECONDS), "the Update reached the inbox");
            Lease lease = lease("SELECT lease_owner, '' FROM kinema.remote_host WHERE host = ?", host);
            cluster.node(lease.owner().equals("it-node-1") ? 0 : 1).killServer();
            released.countDown();

            Eventually.await("the other node to make the delivery", completed::size, count -> count > 0);
            Thread.sleep(3000); // time for a second delivery, which must not come
            assertEquals(1, completed.size(), () -> "delivered once: " + completed);
            assertTrue(completed.get(0).contains("Renamed across nodes"), completed.get(0));
        } finally {
            inbox.stop(0);
            ((java.util.concurrent.ExecutorService) inbox.getExecutor()).shutdownNow();
        }
    }

    @Test
    @Order(10)
    void aNodeUnderTheDefaultNameRefusesToShareTheDatabase() {
        KinemaNode running = cluster.nodes().stream().filter(KinemaNode::isAlive).findFirst().orElseThrow();
        NodeSettings unnamed = NodeSettings.builder()
                .wildflyHome(Path.of(System.getProperty("kinema.wildfly.home")))
                .ear(Path.of(System.getProperty("kinema.ear")))
                .instanceDir(dir.resolve("unnamed"))
                .consoleToFile(true)
                .setting("KINEMA_HTTP_PORT", String.valueOf(PORT + 5))
                .setting("KINEMA_MEDIA_DIR", dir.resolve("media").toString())
                .setting("KINEMA_DB_URL", running.jdbcUrl())
                .setting("KINEMA_DB_USER", running.jdbcUser())
                .setting("KINEMA_DB_PASSWORD", running.jdbcPassword())
                .build();
        IOException refused = assertThrows(IOException.class, () -> KinemaNode.start(unnamed).close());
        assertTrue(refused.getMessage().contains("KINEMA_NODE_NAME"), refused::getMessage);
    }

    // ------------------------------------------------------------ helpers

    private static Api node(int index) {
        return new Api(cluster.node(index).baseUrl());
    }

    private static URI trackerOf(int index) {
        return URI.create(cluster.node(index).baseUrl().replace("http://", "ws://") + "/tracker/socket");
    }

    private static int scrapeIncomplete(TrackerPeer peer, String swarm) {
        try {
            peer.send(Api.JSON.createObjectNode().put("action", "scrape").put("info_hash", swarm));
            return peer.next(message -> "scrape".equals(message.path("action").asText()))
                    .path("files").path(swarm).path("incomplete").asInt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record PartRow(int part, String owner, String leaseId, int progress, String output, String encodedBy) {
    }

    /** The parts of the video's split transcoding as the database has them now (none before the split and after it). */
    private static List<PartRow> parts(String uuid) throws Exception {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement("""
                SELECT p.part, p.lease_owner, p.lease_id, p.progress, p.output, p.encoded_by FROM kinema.transcode_part p
                  JOIN kinema.video v ON v.id = p.video_id WHERE v.uuid = ?::uuid ORDER BY p.part""")) {
            query.setString(1, uuid);
            List<PartRow> parts = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    parts.add(new PartRow(row.getInt(1), row.getString(2), row.getString(3), row.getInt(4), row.getString(5),
                            row.getString(6)));
                }
            }
            return parts;
        }
    }

    /**
     * The video has the one ladder a single encode writes: three renditions whose playlists cut
     * the source into segments of 2 s (but the first two, of 1 s), a hash for every segment, and streams that decode.
     */
    private static void assertOneLadderOnTheGrid(JsonNode video, int seconds) throws Exception {
        JsonNode hls = video.path("streamingPlaylists").path(0);
        assertEquals(3, hls.path("files").size(), "one set of renditions: " + hls);
        JsonNode hashes = balanced.get(URI.create(hls.path("segmentsSha256Url").asText()).getPath(), null).json();
        List<String> renditions = renditions(video);
        assertEquals(3, renditions.size(), "the master playlist names every rendition");
        for (String playlist : renditions) {
            String text = balanced.get(playlist, null).body();
            List<String> lengths = text.lines().filter(line -> line.startsWith("#EXTINF:")).toList();
            assertEquals(seconds / LadderEncoder.SEGMENT_SECONDS + 1, lengths.size(), "segments of " + playlist);
            assertTrue(lengths.subList(0, 2).stream().allMatch(line -> line.startsWith("#EXTINF:1.000"))
                    && lengths.subList(2, lengths.size()).stream().allMatch(line -> line.startsWith("#EXTINF:2.000")),
                    () -> playlist + ": " + lengths);
            String map = text.lines().filter(line -> line.startsWith("#EXT-X-MAP:URI=\"")).findFirst().orElseThrow();
            String media = map.substring("#EXT-X-MAP:URI=\"".length(), map.indexOf('"', "#EXT-X-MAP:URI=\"".length()));
            assertEquals(lengths.size(), hashes.path(media).size(), "a hash for every segment of " + media);
        }
        Media.Result decoded = Media.decode(hls.path("playlistUrl").asText());
        assertEquals(0, decoded.exitCode(), decoded::output);
    }

    private record Lease(String owner, String id) {
    }

    private static Connection database() throws Exception {
        KinemaNode any = cluster.node(0);
        return DriverManager.getConnection(any.jdbcUrl(), any.jdbcUser(), any.jdbcPassword());
    }

    private static Lease lease(String query, String key) throws Exception {
        try (Connection db = database(); PreparedStatement statement = db.prepareStatement(query)) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next(), "a lease of " + key);
                return new Lease(row.getString(1), row.getString(2));
            }
        }
    }

    /** The status of the batch execution started for the claim (its lease id is among the job's parameters). */
    private static String batchStatusOf(String leaseId) throws Exception {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "SELECT batchstatus FROM public.job_execution WHERE jobparameters LIKE ?")) {
            query.setString(1, "%leaseId = " + leaseId + "%");
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "an execution of claim " + leaseId);
                return row.getString(1);
            }
        }
    }

    private static long channelActor() throws Exception {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "SELECT c.actor_id FROM kinema.video v JOIN kinema.video_channel c ON c.id = v.channel_id WHERE v.uuid = ?::uuid")) {
            query.setString(1, uploaded);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return row.getLong(1);
            }
        }
    }

    private static void awaitProgress(String uuid, int percent) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        int progress = 0;
        while (progress < percent && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            JsonNode video = balanced.get("/api/v1/videos/" + uuid, token).json();
            assertTrue(!Videos.complete(video) && video.path("state").path("id").asInt() != Videos.FAILED,
                    "still transcoding: " + video);
            progress = video.path("transcodingProgress").asInt();
        }
        assertTrue(progress >= percent, "the job was under way");
    }
}
