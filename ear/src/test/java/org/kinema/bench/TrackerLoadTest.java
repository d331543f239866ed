package org.kinema.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The load generator's own JSON handling, which its figures depend on. */
class TrackerLoadTest {

    private static Map<String, String> members(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int[] spans = new int[64];
        int count = TrackerLoad.topLevel(bytes, 0, bytes.length, spans);
        Map<String, String> members = new LinkedHashMap<>();
        for (int i = 0; i < count; i += 4) {
            members.put(new String(bytes, spans[i], spans[i + 1] - spans[i], StandardCharsets.UTF_8),
                    new String(bytes, spans[i + 2], spans[i + 3] - spans[i + 2], StandardCharsets.UTF_8));
        }
        return members;
    }

    @Test
    void readsTheTopLevelMembersOfARelayedOfferAsRawJson() {
        Map<String, String> offer = members("{\"action\":\"announce\",\"offer\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n}\\\"{\"},"
                + "\"offer_id\":\"a\\\"b\",\"peer_id\":\"\u00e9\\u0001x\",\"info_hash\":\"h\"}");

        assertEquals(Map.of("action", "\"announce\"", "offer", "{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n}\\\"{\"}",
                "offer_id", "\"a\\\"b\"", "peer_id", "\"\u00e9\\u0001x\"", "info_hash", "\"h\""), offer);
    }

    @Test
    void readsNumbersArraysAndSpacesBetweenMembers() {
        Map<String, String> reply = members(" { \"action\" : \"announce\" , \"interval\" : 120 ,"
                + " \"peers\" : [ {\"a\":[1,2]} ], \"complete\":0}");

        assertEquals(Map.of("action", "\"announce\"", "interval", "120", "peers", "[ {\"a\":[1,2]} ]", "complete", "0"),
                reply);
    }

    @Test
    void writesBinaryIdsAsJsonStringsOfTheirLatin1Characters() throws Exception {
        byte[] id = new byte[256];
        for (int i = 0; i < id.length; i++) {
            id[i] = (byte) i;
        }

        String read = new ObjectMapper().readValue(TrackerLoad.json(id), String.class);

        assertEquals(new String(id, StandardCharsets.ISO_8859_1), read);
    }
}
