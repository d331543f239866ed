package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WebTorrent tracker of a real node, with {@code java.net.http} WebSockets as peers, in the
 * swarm a browser would join for a freshly published video: relaying offers and answers, and
 * each of its privacy limits. Every peer here comes from 127.0.0.1.
 */
@ExtendWith(KinemaServer.class)
class TrackerIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static String videoUuid;
    private static String hlsSwarm;
    private final Api api = KinemaServer.api();
    private final List<TestPeer> peers = new ArrayList<>();

    @BeforeAll
    static void publishAVideo() throws Exception {
        Api api = KinemaServer.api();
        Path clip = Media.clip(Path.of("target", "media", "clip-2s-tracker.mp4"), 2, 320, 180);
        String token = api.rootToken();
        videoUuid = Videos.uploaded(api, token, clip, Map.of("name", "Tracker clip"));
        JsonNode video = Videos.awaitPublished(api, token, videoUuid);
        hlsSwarm = browserInfoHashes(api, video).get(0);
    }

    @AfterEach
    void closePeers() throws InterruptedException {
        peers.forEach(TestPeer::close);
        if (peers.size() > 5) {
            Thread.sleep(500); // the node sees the sockets close, so the next test has its connections
        }
    }

    @Test
    void publishedVideoHasASwarmPerRenditionAndPerTorrent() throws Exception {
        JsonNode video = api.get("/api/v1/videos/" + videoUuid, null).json();
        int renditions = video.path("streamingPlaylists").path(0).path("files").size();
        Set<String> expected = new HashSet<>();
        for (String hash : browserInfoHashes(api, video)) {
            expected.add(hex(hash));
        }
        assertEquals(renditions, expected.size(), "one swarm per rendition");
        Set<String> stored = new HashSet<>();
        try (Connection db = KinemaServer.database(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT s.info_hash FROM kinema.tracker_swarm s"
                     + " JOIN kinema.video v ON v.id = s.video_id WHERE v.uuid = '" + videoUuid + "'")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        assertTrue(renditions > 0, video::toString);
        assertTrue(stored.containsAll(expected), () -> stored + " lacks some of " + expected);
        assertTrue(stored.size() > renditions, "the torrents' info hashes are served too: " + stored);
    }

    @Test
    void onlyVideosAnyoneMayWatchHaveSwarmsAndTurningPrivateEndsThem() throws Exception {
        String token = api.rootToken();
        Path clip = Media.clip(Path.of("target", "media", "clip-3s-144p.mp4"), 3, 256, 144);
        String uuid = Videos.uploaded(api, token, clip, Map.of("name", "Swarm privacy", "privacy", "3"));
        JsonNode video = Videos.awaitPublished(api, token, uuid);
        assertEquals(0, swarmsOf(uuid), "a private video has no swarm");

        assertEquals(204, api.putJson("/api/v1/videos/" + uuid, token, Map.of("privacy", 2)).status());
        assertTrue(swarmsOf(uuid) > 0, "an unlisted one has");
        String swarm = browserInfoHashes(api, api.get("/api/v1/videos/" + uuid, token).json()).get(0);
        assertNull(peer().announce(swarm, 0, null).get("failure reason"));

        assertEquals(204, api.putJson("/api/v1/videos/" + uuid, token, Map.of("privacy", 4)).status());
        assertEquals(0, swarmsOf(uuid), "an internal one has not");
        assertEquals(UNKNOWN_SWARM, peer().announce(swarm, 0, null).path("failure reason").asText(),
                "the tracker stops serving it at once");
        assertTrue(video.path("streamingPlaylists").size() > 0);
    }

    private static final String UNKNOWN_SWARM = "This tracker only tracks videos of this instance";

    private static int swarmsOf(String uuid) throws Exception {
        try (Connection db = KinemaServer.database(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM kinema.tracker_swarm s"
                     + " JOIN kinema.video v ON v.id = s.video_id WHERE v.uuid = '" + uuid + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void twoPeersInTheSwarmGetTheOfferAndTheAnswerRelayed() throws Exception {
        TestPeer alice = peer();
        TestPeer bob = peer();
        JsonNode first = alice.announce(hlsSwarm, 0, null);
        assertEquals(hlsSwarm, first.path("info_hash").asText(), "the binary info hash comes back unchanged");
        assertEquals(120, first.path("interval").asInt());

        bob.announce(hlsSwarm, 1, 1);
        JsonNode offer = alice.next(m -> m.has("offer"));
        assertEquals(bob.peerId, offer.path("peer_id").asText(), "peer ids come back byte for byte");
        assertEquals(bob.offerIds.get(0), offer.path("offer_id").asText());

        alice.send(alice.message(hlsSwarm).put("to_peer_id", bob.peerId).put("offer_id", bob.offerIds.get(0))
                .set("answer", Api.JSON.createObjectNode().put("type", "answer").put("sdp", "v=0 answer")));
        JsonNode answer = bob.next(m -> m.has("answer"));
        assertEquals(alice.peerId, answer.path("peer_id").asText());
        assertEquals("v=0 answer", answer.path("answer").path("sdp").asText());
    }

    @Test
    void unknownInfoHashIsRefused() throws Exception {
        TestPeer stranger = peer();
        String unknown = randomBinary();
        JsonNode reply = stranger.announce(unknown, 0, null);
        assertFalse(reply.path("failure reason").asText().isEmpty(), reply::toString);
        assertEquals(0, scrape(unknown).path("incomplete").asInt(), "nothing is tracked");
    }

    @Test
    void offersOfAnAnnounceReachAtMostTwentyPeers() throws Exception {
        List<TestPeer> crowd = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            TestPeer peer = peer();
            peer.announce(hlsSwarm, 0, null);
            crowd.add(peer);
        }
        TestPeer newcomer = peer();
        newcomer.announce(hlsSwarm, 24, 24);
        Thread.sleep(500);
        Set<String> offerIds = new HashSet<>();
        int receivers = 0;
        for (TestPeer peer : crowd) {
            List<JsonNode> offers = peer.drain(m -> m.has("offer"));
            receivers += offers.isEmpty() ? 0 : 1;
            offers.forEach(offer -> offerIds.add(offer.path("offer_id").asText()));
        }
        assertEquals(20, receivers);
        assertEquals(20, offerIds.size());
    }

    @Test
    void announcesBeyondSixtyAMinuteOnOneConnectionAreRefused() throws Exception {
        TestPeer eager = peer();
        for (int i = 0; i < 60; i++) {
            JsonNode reply = eager.announce(hlsSwarm, 0, null);
            assertNull(reply.get("failure reason"), () -> "announce within the budget: " + reply);
        }
        JsonNode refused = eager.announce(hlsSwarm, 0, null);
        assertTrue(refused.path("failure reason").asText().contains("Too many announces"), refused::toString);
    }

    @Test
    void connectionsBeyondTheCapPerAddressAreRefused() throws Exception {
        int cap = KinemaServer.TRACKER_SOCKETS_PER_ADDRESS;
        int refused = 0;
        for (int i = 0; i < cap + 3; i++) {
            TestPeer peer = peer();
            JsonNode failure = peer.poll(Duration.ofMillis(i < cap - 5 ? 0 : 300));
            if (failure != null && failure.path("failure reason").asText().contains("Too many connections")) {
                refused++;
                assertTrue(peer.awaitClosed(), "a refused connection is closed");
            }
        }
        assertTrue(refused >= 3, "at least the three connections beyond " + cap + " are refused, got " + refused);
    }

    @Test
    void scrapeReportsTheSwarm() throws Exception {
        peer().announce(hlsSwarm, 0, null);
        TestPeer watcher = peer();
        ObjectNode scrape = Api.JSON.createObjectNode().put("action", "scrape");
        String unknown = randomBinary();
        scrape.putArray("info_hash").add(hlsSwarm).add(unknown);
        watcher.send(scrape);
        JsonNode reply = watcher.next(m -> "scrape".equals(m.path("action").asText()));
        JsonNode swarm = reply.path("files").path(hlsSwarm);
        assertTrue(swarm.path("incomplete").asInt() >= 1, reply::toString);
        assertTrue(swarm.has("complete") && swarm.has("downloaded"), reply::toString);
        assertEquals(0, reply.path("files").path(unknown).path("incomplete").asInt(), reply::toString);
    }

    @Test
    void noPeerAddressIsWrittenToTheDatabase() throws Exception {
        TestPeer alice = peer();
        TestPeer bob = peer();
        alice.announce(hlsSwarm, 0, null);
        bob.announce(hlsSwarm, 1, 1);
        alice.next(m -> m.has("offer"));
        List<String> holding = new ArrayList<>();
        try (Connection db = KinemaServer.database(); Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_schema || '.' || table_name FROM"
                    + " information_schema.tables WHERE table_schema IN ('kinema', 'public') AND table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertTrue(tables.contains("kinema.tracker_swarm"), tables::toString);
            for (String table : tables) {
                // TwoInstanceFederationIT's second instance lives at 127.0.0.1:{its port}: its URLs are
                // federation data in these tables, not a peer's address
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table + " t"
                        + " WHERE replace(t::text, '127.0.0.1:" + TwoInstanceFederationIT.B_PORT + "', '') LIKE '%127.0.0.1%'")) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        holding.add(table);
                    }
                }
            }
        }
        assertEquals(List.of(), holding, "tables holding a peer's address");
    }

    @Test
    void httpAnnounceIsAClearRefusal() {
        Api.Reply reply = api.get("/tracker/announce?info_hash=x", null);
        assertEquals(400, reply.status());
        assertTrue(reply.body().startsWith("d14:failure reason"), reply.body());
    }

    // ------------------------------------------------------------ helpers

    /** What browsers announce for the video's HLS streams, read from the master playlist it serves. */
    private static List<String> browserInfoHashes(Api api, JsonNode video) throws Exception {
        String master = new String(api.bytes(video.path("streamingPlaylists").path(0).path("playlistUrl").asText(), null, null),
                StandardCharsets.UTF_8);
        return BrowserSwarms.infoHashes(video.path("uuid").asText(), master);
    }

    private static String hex(String binary) {
        return HexFormat.of().formatHex(binary.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** 20 random bytes as a binary string, NUL and bytes above 127 included. */
    private static String randomBinary() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        bytes[3] = 0;
        bytes[7] = (byte) 0xff;
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private JsonNode scrape(String infoHash) throws Exception {
        TestPeer peer = peer();
        peer.send(Api.JSON.createObjectNode().put("action", "scrape").put("info_hash", infoHash));
        return peer.next(m -> "scrape".equals(m.path("action").asText())).path("files").path(infoHash);
    }

    private TestPeer peer() throws Exception {
        TestPeer peer = new TestPeer(URI.create(api.baseUrl().replace("http://", "ws://") + "/tracker/socket"));
        peers.add(peer);
        return peer;
    }

    /** A WebSocket peer that keeps every message it receives. */
    private static final class TestPeer implements WebSocket.Listener {
        final String peerId = randomBinary();
        final List<String> offerIds = new ArrayList<>();
        private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        private final WebSocket socket;

        TestPeer(URI uri) {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT).buildAsync(uri, this).join();
        }

        ObjectNode message(String infoHash) {
            return Api.JSON.createObjectNode().put("action", "announce").put("info_hash", infoHash).put("peer_id", peerId);
        }

        /** Announces with {@code offers} offers (and numwant, if given); returns the tracker's reply. */
        JsonNode announce(String infoHash, int offers, Integer numwant) throws Exception {
            ObjectNode message = message(infoHash).put("event", "started");
            if (numwant != null) {
                message.put("numwant", numwant);
            }
            ArrayNode list = message.putArray("offers");
            for (int i = 0; i < offers; i++) {
                String offerId = randomBinary();
                offerIds.add(offerId);
                ObjectNode offer = list.addObject().put("offer_id", offerId);
                offer.putObject("offer").put("type", "offer").put("sdp", "v=0 offer " + i);
            }
            send(message);
            return next(m -> !m.has("offer") && !m.has("answer"));
        }

        void send(JsonNode message) throws Exception {
            socket.sendText(Api.JSON.writeValueAsString(message), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        JsonNode next(java.util.function.Predicate<JsonNode> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (message != null && wanted.test(message)) {
                    return message;
                }
            }
            throw new AssertionError("No such message within " + WAIT);
        }

        JsonNode poll(Duration wait) throws InterruptedException {
            return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        List<JsonNode> drain(java.util.function.Predicate<JsonNode> wanted) {
            List<JsonNode> all = new ArrayList<>();
            received.drainTo(all);
            return all.stream().filter(wanted).toList();
        }

        boolean awaitClosed() throws InterruptedException {
            return closed.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        void close() {
            socket.abort();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(Api.JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.countDown();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.countDown();
        }
    }
}

