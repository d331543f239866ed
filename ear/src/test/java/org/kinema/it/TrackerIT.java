package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

    private static final Duration WAIT = TrackerPeer.WAIT;

    private static String videoUuid;
    private static String hlsSwarm;
    private final Api api = KinemaServer.api();
    private final List<TrackerPeer> peers = new ArrayList<>();

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
        peers.forEach(TrackerPeer::close);
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
        TrackerPeer alice = peer();
        TrackerPeer bob = peer();
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
        TrackerPeer stranger = peer();
        String unknown = TrackerPeer.randomBinary();
        JsonNode reply = stranger.announce(unknown, 0, null);
        assertFalse(reply.path("failure reason").asText().isEmpty(), reply::toString);
        assertEquals(0, scrape(unknown).path("incomplete").asInt(), "nothing is tracked");
    }

    @Test
    void offersOfAnAnnounceReachAtMostTwentyPeers() throws Exception {
        List<TrackerPeer> crowd = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            TrackerPeer peer = peer();
            peer.announce(hlsSwarm, 0, null);
            crowd.add(peer);
        }
        TrackerPeer newcomer = peer();
        newcomer.announce(hlsSwarm, 24, 24);
        Thread.sleep(500);
        Set<String> offerIds = new HashSet<>();
        int receivers = 0;
        for (TrackerPeer peer : crowd) {
            List<JsonNode> offers = peer.drain(m -> m.has("offer"));
            receivers += offers.isEmpty() ? 0 : 1;
            offers.forEach(offer -> offerIds.add(offer.path("offer_id").asText()));
        }
        assertEquals(20, receivers);
        assertEquals(20, offerIds.size());
    }

    @Test
    void announcesBeyondSixtyAMinuteOnOneConnectionAreRefused() throws Exception {
        TrackerPeer eager = peer();
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
            TrackerPeer peer = peer();
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
        TrackerPeer watcher = peer();
        ObjectNode scrape = Api.JSON.createObjectNode().put("action", "scrape");
        String unknown = TrackerPeer.randomBinary();
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
        TrackerPeer alice = peer();
        TrackerPeer bob = peer();
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
                // federation data in these tables, not a peer's address; and the node's own settings
                // (kept for comparison with other nodes') exempt the tests' address from rate limits
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table + " t"
                        + " WHERE replace(replace(t::text, '127.0.0.1:" + TwoInstanceFederationIT.B_PORT + "', ''),"
                        + " 'KINEMA_RATE_LIMIT_EXEMPT=127.0.0.1', '') LIKE '%127.0.0.1%'")) {
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

    private JsonNode scrape(String infoHash) throws Exception {
        TrackerPeer peer = peer();
        peer.send(Api.JSON.createObjectNode().put("action", "scrape").put("info_hash", infoHash));
        return peer.next(m -> "scrape".equals(m.path("action").asText())).path("files").path(infoHash);
    }

    private TrackerPeer peer() throws Exception {
        TrackerPeer peer = new TrackerPeer(URI.create(api.baseUrl().replace("http://", "ws://") + "/tracker/socket"));
        peers.add(peer);
        return peer;
    }
}
