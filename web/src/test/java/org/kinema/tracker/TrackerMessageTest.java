package org.kinema.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackerMessageTest {

    private static final String HASH = "\u0000\"\\\u00ff\u0080\n\u001fcdefghijklmno";
    private static final String PEER = "-WW0207-abcdefghijkl";

    @Test
    void anOfferIsRelayedAsTheJsonTextTheBrowserSent() throws Exception {
        String sdp = "{\"type\":\"offer\", \"sdp\":\"v=0\\r\\na=ice-ufrag:x\\u00e9\\r\\n\",\"nested\":{\"a\":[1,{\"b\":null}]}}";
        String text = "{\"action\":\"announce\",\"info_hash\":" + quoted(HASH) + ",\"peer_id\":" + quoted(PEER)
                + ",\"numwant\":2,\"left\":0,\"event\":\"started\",\"extra\":{\"ignored\":[1,2]},"
                + "\"offers\":[{\"offer\":" + sdp + ",\"offer_id\":" + quoted(PEER) + "}]}";
        TrackerMessage message = TrackerMessage.parse(text);
        assertEquals(HASH, message.infoHash());
        assertEquals(PEER, message.peerId());
        assertEquals(2, message.numwant());
        assertEquals("started", message.event());
        assertTrue(message.seeding());
        assertEquals(List.of(new TrackerMessage.Offer(sdp, PEER)), message.offers());

        JsonNode relayed = FakeConnection.JSON.readTree(TrackerMessage.relayedOffer(HASH, PEER, message.offers().get(0)));
        assertEquals(FakeConnection.JSON.readTree(sdp), relayed.path("offer"));
        assertEquals(HASH, relayed.path("info_hash").asText(), "binary strings go back character for character");
        assertEquals(PEER, relayed.path("peer_id").asText());
        assertEquals("announce", relayed.path("action").asText());
    }

    @Test
    void anAnswerNeedsItsPeerAndOfferIds() throws Exception {
        String answer = "{\"type\":\"answer\",\"sdp\":\"v=0\"}";
        TrackerMessage message = TrackerMessage.parse("{\"action\":\"announce\",\"info_hash\":" + quoted(HASH)
                + ",\"peer_id\":" + quoted(PEER) + ",\"to_peer_id\":" + quoted(PEER) + ",\"offer_id\":" + quoted(PEER)
                + ",\"answer\":" + answer + "}");
        assertEquals(answer, message.answer());
        JsonNode relayed = FakeConnection.JSON.readTree(TrackerMessage.relayedAnswer(HASH, PEER, answer, PEER));
        assertEquals("answer", relayed.path("answer").path("type").asText());
        assertEquals(PEER, relayed.path("offer_id").asText());

        assertReason("invalid `to_peer_id` or `offer_id` (required with `answer`)", "{\"action\":\"announce\",\"info_hash\":"
                + quoted(HASH) + ",\"peer_id\":" + quoted(PEER) + ",\"answer\":" + answer + "}");
        assertReason("invalid answer", "{\"action\":\"announce\",\"info_hash\":" + quoted(HASH) + ",\"peer_id\":"
                + quoted(PEER) + ",\"answer\":\"sdp\"}");
    }

    @Test
    void malformedMessagesAreRefusedWithAReason() {
        assertReason("invalid JSON", "[1,2]");
        assertReason("invalid JSON", "{\"action\":\"announce\",\"offers\":[{\"offer\":{\"type\":}]}");
        assertReason("invalid info_hash", "{\"action\":\"announce\",\"info_hash\":{\"a\":1},\"peer_id\":" + quoted(PEER) + "}");
        assertReason("invalid peer_id", "{\"action\":\"announce\",\"info_hash\":" + quoted(HASH) + ",\"peer_id\":42}");
        assertReason("invalid offer", "{\"action\":\"announce\",\"info_hash\":" + quoted(HASH) + ",\"peer_id\":"
                + quoted(PEER) + ",\"offers\":[{\"offer\":\"text\",\"offer_id\":" + quoted(PEER) + "}]}");
        assertReason("invalid offer", "{\"action\":\"announce\",\"info_hash\":" + quoted(HASH) + ",\"peer_id\":"
                + quoted(PEER) + ",\"offers\":[7]}");
        assertReason("scrape needs one or more info_hash", "{\"action\":\"scrape\"}");
        assertReason("invalid info_hash", "{\"action\":\"scrape\",\"info_hash\":[" + quoted(HASH) + ",1]}");
        assertReason("invalid action in WS request: null", "{\"action\":[\"announce\"]}");
    }

    @Test
    void oddButHarmlessValuesAreTolerated() throws Exception {
        TrackerMessage message = TrackerMessage.parse("{\"action\":\"announce\",\"info_hash\":" + quoted(HASH)
                + ",\"peer_id\":" + quoted(PEER) + ",\"numwant\":\"many\",\"offers\":null,\"answer\":null,\"left\":\"0\"}");
        assertNull(message.numwant());
        assertTrue(message.offers().isEmpty());
        assertNull(message.answer());
        assertEquals(false, message.seeding());
        assertEquals(List.of(HASH, PEER), TrackerMessage.parse("{\"action\":\"scrape\",\"info_hash\":[" + quoted(HASH)
                + "," + quoted(PEER) + "]}").infoHashes());
    }

    @Test
    void repliesAreJson() throws Exception {
        JsonNode reply = FakeConnection.JSON.readTree(TrackerMessage.announceReply(HASH, new SwarmCounts(2, 3, 4), 120));
        assertEquals(HASH, reply.path("info_hash").asText());
        assertEquals(2, reply.path("complete").asInt());
        assertEquals(3, reply.path("incomplete").asInt());
        JsonNode failure = FakeConnection.JSON.readTree(TrackerMessage.failure(null, HASH, "no \"way\"\\"));
        assertEquals("no \"way\"\\", failure.path("failure reason").asText());
        assertTrue(failure.path("action").isMissingNode());
        JsonNode scrape = FakeConnection.JSON.readTree(TrackerMessage.scrapeReply(List.of(HASH, PEER),
                List.of(new SwarmCounts(1, 2, 3), SwarmCounts.EMPTY), 120));
        assertEquals(3, scrape.path("files").path(HASH).path("downloaded").asInt());
        assertEquals(0, scrape.path("files").path(PEER).path("incomplete").asInt());
        assertEquals(120, scrape.path("flags").path("min_request_interval").asInt());
    }

    private static void assertReason(String reason, String text) {
        TrackerMessage.Invalid invalid = assertThrows(TrackerMessage.Invalid.class, () -> TrackerMessage.parse(text));
        assertEquals(reason, invalid.getMessage());
    }

    private static String quoted(String value) {
        try {
            return FakeConnection.JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
