package org.kinema.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackerTest {

    /** A binary info hash with the awkward characters browsers do send: NUL, quote, backslash, 0xFF. */
    private static final String SWARM = "\u0000\"\\\u00ff\u0080abcdefghijklmno";
    private static final String OTHER_SWARM = "IreXYto1AtYDkovDf55g";
    private static final String UNKNOWN = "zzzzzzzzzzzzzzzzzzzz";

    private final AtomicLong now = new AtomicLong();
    private final InMemorySwarmRegistry registry = new InMemorySwarmRegistry();
    private final Map<String, Long> served = Map.of(TrackerMessage.hex(SWARM), 1L, TrackerMessage.hex(OTHER_SWARM), 2L);
    /** Lookups that have not run yet (the database, when the served swarms are not in memory). */
    private final Deque<Runnable> lookups = new ArrayDeque<>();
    /** Swarms the served-swarm memory knows; null: it knows them all. */
    private Set<String> inMemory;
    private Tracker tracker = tracker(TrackerLimits.DEFAULTS);

    private Tracker tracker(TrackerLimits limits) {
        ServedSwarms servedSwarms = new ServedSwarms() {
            @Override
            public boolean knows(String infoHashHex) {
                return inMemory == null || inMemory.contains(infoHashHex);
            }

            @Override
            public OptionalLong videoOf(String infoHashHex) {
                if (inMemory != null) {
                    inMemory.add(infoHashHex);
                }
                return served.containsKey(infoHashHex) ? OptionalLong.of(served.get(infoHashHex)) : OptionalLong.empty();
            }
        };
        return new Tracker(registry, servedSwarms, lookups::add, limits, now::get);
    }

    @Test
    void aSwarmNotInMemoryIsLookedUpOffTheReadingThreadAndLaterMessagesWaitTheirTurn() {
        inMemory = new HashSet<>();
        Client alice = connect("10.0.0.1");
        Client bob = connect("10.0.0.2");
        announce(alice, SWARM, peerId('a'), 0);
        announce(alice, SWARM, peerId('a'), 0);
        assertTrue(alice.connection.sent.isEmpty(), "nothing is answered before the lookup ran");
        assertEquals(1, lookups.size(), "one lookup for the client; its second message waits behind the first");

        lookups.poll().run();
        assertEquals(2, alice.connection.sent.size());
        assertEquals(1, alice.connection.last().path("incomplete").asInt());

        announce(bob, SWARM, peerId('b'), 1);
        assertTrue(lookups.isEmpty(), "the swarm is in memory now: handled at once");
        assertEquals(1, alice.connection.offers().size());
        announce(alice, SWARM, peerId('a'), 0);
        assertEquals(3, alice.connection.messages().stream().filter(m -> m.has("interval")).count(),
                "the client goes ahead again once nothing of it waits");
    }

    @Test
    void anAnnounceThatWaitedForTheDatabaseLeavesNoPeerBehindWhenItsConnectionClosedMeanwhile() {
        inMemory = new HashSet<>();
        Client alice = connect("10.0.0.1");
        announce(alice, SWARM, peerId('a'), 0);
        tracker.close(alice.client);
        lookups.poll().run();
        assertEquals(0, registry.swarmCount(), "no swarm keeps a peer whose socket is gone");
        assertEquals(SwarmCounts.EMPTY, registry.counts(SWARM));
    }

    @Test
    void aClientCannotQueueUpUnboundedMessagesBehindALookup() {
        inMemory = new HashSet<>();
        Client alice = connect("10.0.0.1");
        for (int i = 0; i <= TrackerClient.MAX_QUEUED + 1; i++) {
            announce(alice, SWARM, peerId('a'), 0);
        }
        assertEquals(Tracker.TOO_MANY_ANNOUNCES, alice.connection.last().path("failure reason").asText());
        lookups.poll().run();
        assertEquals(TrackerClient.MAX_QUEUED + 2, alice.connection.sent.size(), "every message answered once");
    }

    @Test
    void aFailedLookupAnswersTryAgainLater() {
        Tracker failing = new Tracker(registry, new ServedSwarms() {
            @Override
            public boolean knows(String infoHashHex) {
                return false;
            }

            @Override
            public OptionalLong videoOf(String infoHashHex) {
                throw new IllegalStateException("database down");
            }
        }, lookups::add, TrackerLimits.DEFAULTS, now::get);
        FakeConnection connection = new FakeConnection();
        TrackerClient client = failing.open(connection, address("10.0.0.1")).orElseThrow();
        failing.receive(client, json(Map.of("action", "announce", "info_hash", SWARM, "peer_id", peerId('a'))));
        lookups.poll().run();
        assertEquals(Tracker.UNAVAILABLE, connection.last().path("failure reason").asText());
        assertEquals(0, registry.swarmCount());
    }

    @Test
    void twoPeersInASwarmGetTheOfferAndTheAnswerRelayed() {
        Client alice = connect("10.0.0.1");
        Client bob = connect("10.0.0.2");
        announce(alice, SWARM, peerId('a'), 0);
        announce(bob, SWARM, peerId('b'), 1);

        JsonNode offer = alice.connection.offers().get(0);
        assertEquals(peerId('b'), offer.path("peer_id").asText());
        assertEquals(offerId('b', 0), offer.path("offer_id").asText());
        assertEquals(SWARM, offer.path("info_hash").asText(), "the info hash goes back byte for byte");
        assertEquals("offer", offer.path("offer").path("type").asText());

        tracker.receive(alice.client, json(Map.of("action", "announce", "info_hash", SWARM, "peer_id", peerId('a'),
                "to_peer_id", peerId('b'), "offer_id", offerId('b', 0), "answer", Map.of("type", "answer", "sdp", "x"))));
        JsonNode answer = bob.connection.last();
        assertEquals("answer", answer.path("answer").path("type").asText());
        assertEquals(peerId('a'), answer.path("peer_id").asText());
        assertEquals(offerId('b', 0), answer.path("offer_id").asText());
        assertEquals(1, alice.connection.offers().size(), "no reply to an answer");
    }

    @Test
    void announceReplyCarriesIntervalAndCounts() {
        Client alice = connect("10.0.0.1");
        announce(alice, SWARM, peerId('a'), 0);
        JsonNode reply = alice.connection.last();
        assertEquals("announce", reply.path("action").asText());
        assertEquals(SWARM, reply.path("info_hash").asText());
        assertEquals(120, reply.path("interval").asInt());
        assertEquals(0, reply.path("complete").asInt());
        assertEquals(1, reply.path("incomplete").asInt());
    }

    @Test
    void unknownInfoHashIsRefusedAndNothingIsTracked() {
        Client alice = connect("10.0.0.1");
        announce(alice, UNKNOWN, peerId('a'), 2);
        JsonNode reply = alice.connection.last();
        assertEquals(Tracker.UNKNOWN_SWARM, reply.path("failure reason").asText());
        assertEquals(UNKNOWN, reply.path("info_hash").asText());
        assertEquals(0, registry.swarmCount());
    }

    @Test
    void offersGoToAtMostTwentyPeers() {
        List<Client> crowd = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Client peer = connect("10.0.1." + i);
            announce(peer, SWARM, peerId((char) ('A' + i)), 0);
            crowd.add(peer);
        }
        Client newcomer = connect("10.0.0.9");
        announce(newcomer, SWARM, peerId('z'), 25, 25);
        Set<String> offerIds = new HashSet<>();
        int receivers = 0;
        for (Client peer : crowd) {
            List<JsonNode> offers = peer.connection.offers();
            receivers += offers.isEmpty() ? 0 : 1;
            offers.forEach(offer -> offerIds.add(offer.path("offer_id").asText()));
        }
        assertEquals(20, receivers);
        assertEquals(20, offerIds.size(), "each chosen peer gets a different offer");
    }

    @Test
    void offersGoToNoMorePeersThanNumwant() {
        List<Client> crowd = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Client peer = connect("10.0.1." + i);
            announce(peer, SWARM, peerId((char) ('A' + i)), 0);
            crowd.add(peer);
        }
        announce(connect("10.0.0.9"), SWARM, peerId('z'), 5, 3);
        assertEquals(3, crowd.stream().filter(peer -> !peer.connection.offers().isEmpty()).count());
    }

    @Test
    void announcesBeyondTheMinuteBudgetAreRefusedUntilTheNextMinute() {
        tracker = tracker(limits(60, 20, 20));
        Client alice = connect("10.0.0.1");
        for (int i = 0; i < 60; i++) {
            announce(alice, SWARM, peerId('a'), 0);
            assertFalse(alice.connection.last().has("failure reason"), "announce " + i);
        }
        announce(alice, SWARM, peerId('a'), 0);
        assertEquals(Tracker.TOO_MANY_ANNOUNCES, alice.connection.last().path("failure reason").asText());
        now.addAndGet(TimeUnit.SECONDS.toNanos(61));
        announce(alice, SWARM, peerId('a'), 0);
        assertFalse(alice.connection.last().has("failure reason"));
    }

    @Test
    void connectionsBeyondTheCapPerAddressAreRefusedUntilOneCloses() {
        tracker = tracker(limits(60, 3, 20));
        List<Client> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(connect("10.0.0.1"));
        }
        FakeConnection fourth = new FakeConnection();
        assertTrue(tracker.open(fourth, address("10.0.0.1")).isEmpty());
        assertFalse(fourth.open, "the extra connection is closed");
        assertEquals(Tracker.TOO_MANY_SOCKETS, fourth.last().path("failure reason").asText());
        assertTrue(tracker.open(new FakeConnection(), address("10.0.0.2")).isPresent(), "other addresses are not limited");

        tracker.close(open.get(0).client);
        assertTrue(tracker.open(new FakeConnection(), address("10.0.0.1")).isPresent());
    }

    @Test
    void oneAddressAnnouncingMoreVideosThanTheAlarmAllowsIsWarnedAboutWithoutItsAddress() {
        tracker = tracker(limits(60, 20, 1));
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        ClientAddresses.LOG.addHandler(handler);
        try {
            Client crawler = connect("10.9.9.9");
            announce(crawler, SWARM, peerId('c'), 0);
            assertTrue(warnings.isEmpty(), "one video is no alarm");
            announce(crawler, OTHER_SWARM, peerId('c'), 0);
            assertEquals(1, warnings.size());
            String logged = java.text.MessageFormat.format(warnings.get(0).getMessage(), warnings.get(0).getParameters());
            assertTrue(logged.contains("2 different videos"), logged);
            assertFalse(logged.contains("10.9.9.9"), logged);
        } finally {
            ClientAddresses.LOG.removeHandler(handler);
        }
    }

    @Test
    void closedConnectionLeavesEverySwarm() {
        Client alice = connect("10.0.0.1");
        announce(alice, SWARM, peerId('a'), 0);
        announce(alice, OTHER_SWARM, peerId('a'), 0);
        tracker.close(alice.client);
        assertEquals(0, registry.swarmCount());
        assertEquals(0, tracker.connectionsFrom(address("10.0.0.1")));
    }

    @Test
    void stoppedLeavesTheSwarmAndCompletedCountsADownload() {
        Client alice = connect("10.0.0.1");
        Client bob = connect("10.0.0.2");
        announce(alice, SWARM, peerId('a'), 0);
        tracker.receive(bob.client, json(Map.of("action", "announce", "info_hash", SWARM, "peer_id", peerId('b'),
                "event", "completed", "left", 0)));
        assertEquals(new SwarmCounts(1, 1, 1), registry.counts(SWARM));
        tracker.receive(alice.client, json(Map.of("action", "announce", "info_hash", SWARM, "peer_id", peerId('a'),
                "event", "stopped")));
        assertEquals(new SwarmCounts(1, 0, 1), registry.counts(SWARM));
        assertEquals(0, alice.connection.last().path("incomplete").asInt());
    }

    @Test
    void scrapeReportsEverySwarmAskedForAndNothingOfUnknownOnes() {
        Client alice = connect("10.0.0.1");
        announce(alice, SWARM, peerId('a'), 0);
        Client bob = connect("10.0.0.2");
        tracker.receive(bob.client, json(Map.of("action", "scrape", "info_hash", List.of(SWARM, OTHER_SWARM, UNKNOWN))));
        JsonNode files = bob.connection.last().path("files");
        assertEquals("scrape", bob.connection.last().path("action").asText());
        assertEquals(1, files.path(SWARM).path("incomplete").asInt());
        assertEquals(0, files.path(SWARM).path("complete").asInt());
        assertEquals(0, files.path(SWARM).path("downloaded").asInt());
        assertEquals(0, files.path(OTHER_SWARM).path("incomplete").asInt());
        assertEquals(0, files.path(UNKNOWN).path("incomplete").asInt());
        assertEquals(0, registry.counts(UNKNOWN).incomplete());

        tracker.receive(bob.client, json(Map.of("action", "scrape", "info_hash", SWARM)));
        assertEquals(1, bob.connection.last().path("files").path(SWARM).path("incomplete").asInt(), "one hash alone");
    }

    @Test
    void peerIdHeldByAnotherOpenConnectionIsRefused() {
        Client alice = connect("10.0.0.1");
        Client mallory = connect("10.0.0.66");
        announce(alice, SWARM, peerId('a'), 0);
        announce(mallory, SWARM, peerId('a'), 0);
        assertEquals(Tracker.PEER_ID_TAKEN, mallory.connection.last().path("failure reason").asText());
        assertEquals(1, registry.counts(SWARM).incomplete());
    }

    @Test
    void answerFromSomeoneNotInTheSwarmIsRefused() {
        Client alice = connect("10.0.0.1");
        announce(alice, SWARM, peerId('a'), 0);
        Client mallory = connect("10.0.0.66");
        tracker.receive(mallory.client, json(Map.of("action", "announce", "info_hash", SWARM, "peer_id", peerId('m'),
                "to_peer_id", peerId('a'), "offer_id", offerId('a', 0), "answer", Map.of("type", "answer", "sdp", "x"))));
        assertEquals(Tracker.NOT_IN_SWARM, mallory.connection.last().path("failure reason").asText());
        assertTrue(alice.connection.messages().stream().noneMatch(m -> m.has("answer")));
    }

    @Test
    void malformedMessagesGetAFailureReason() {
        Client alice = connect("10.0.0.1");
        tracker.receive(alice.client, "not json");
        assertEquals("invalid JSON", alice.connection.last().path("failure reason").asText());
        tracker.receive(alice.client, json(Map.of("action", "announce", "info_hash", "short", "peer_id", peerId('a'))));
        assertEquals("invalid info_hash", alice.connection.last().path("failure reason").asText());
        tracker.receive(alice.client, json(Map.of("action", "announce", "info_hash", "\u0100" + SWARM.substring(1),
                "peer_id", peerId('a'))));
        assertEquals("invalid info_hash", alice.connection.last().path("failure reason").asText(),
                "characters beyond one byte are no binary string");
        tracker.receive(alice.client, json(Map.of("action", "dance")));
        assertTrue(alice.connection.last().path("failure reason").asText().startsWith("invalid action"));
    }

    @Test
    void limitsComeFromKinemaTrackerSettings() {
        Map<String, String> settings = Map.of("KINEMA_TRACKER_ANNOUNCES_PER_MINUTE", "30",
                "KINEMA_TRACKER_SOCKETS_PER_ADDRESS", "5", "KINEMA_TRACKER_PEERS_PER_ANSWER", "10",
                "KINEMA_TRACKER_ALARM_VIDEOS", "7", "KINEMA_TRACKER_ALARM_MINUTES", "3");
        TrackerLimits limits = TrackerLimits.from(name -> java.util.Optional.ofNullable(settings.get(name)));
        assertEquals(new TrackerLimits(10, 30, 5, 7, Duration.ofMinutes(3), Duration.ofSeconds(120), 100), limits);
        assertEquals(TrackerLimits.DEFAULTS, TrackerLimits.from(name -> java.util.Optional.empty()));
    }

    // ------------------------------------------------------------ helpers

    private record Client(TrackerClient client, FakeConnection connection) {
    }

    private Client connect(String address) {
        FakeConnection connection = new FakeConnection();
        return new Client(tracker.open(connection, address(address)).orElseThrow(), connection);
    }

    private static TrackerLimits limits(int announcesPerMinute, int socketsPerAddress, int alarmVideos) {
        return new TrackerLimits(20, announcesPerMinute, socketsPerAddress, alarmVideos, Duration.ofMinutes(10),
                Duration.ofSeconds(120), 100);
    }

    private void announce(Client client, String infoHash, String peerId, int offers) {
        announce(client, infoHash, peerId, offers, offers);
    }

    private void announce(Client client, String infoHash, String peerId, int offers, int numwant) {
        ObjectNode message = FakeConnection.JSON.createObjectNode();
        message.put("action", "announce").put("info_hash", infoHash).put("peer_id", peerId).put("numwant", numwant);
        ArrayNode list = message.putArray("offers");
        for (int i = 0; i < offers; i++) {
            ObjectNode offer = list.addObject();
            offer.putObject("offer").put("type", "offer").put("sdp", "v=0");
            offer.put("offer_id", offerId(peerId.charAt(8), i));
        }
        tracker.receive(client.client, message.toString());
    }

    private static String peerId(char c) {
        return "-PM0203-" + String.valueOf(c).repeat(11) + "\u0000";
    }

    private static String offerId(char peer, int i) {
        return (peer + "offer" + i + "\u00e9").repeat(5).substring(0, 20);
    }

    private static String json(Map<String, ?> message) {
        try {
            return FakeConnection.JSON.writeValueAsString(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
