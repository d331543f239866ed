package org.kinema.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A message of the WebTorrent tracker protocol, read and checked. Info hashes, peer ids and offer
 * ids are 20-character binary strings (each character one byte, 0–255): they are kept as such,
 * unchanged, so that what goes back to browsers is byte for byte what they sent.
 */
record TrackerMessage(String action, List<String> infoHashes, String peerId, Integer numwant, String event,
                      boolean seeding, List<Offer> offers, JsonNode answer, String toPeerId, String offerId) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An offer to relay: the SDP object, as sent, and its id. */
    record Offer(JsonNode offer, String offerId) {
    }

    /** Thrown for a message the tracker cannot act on; its message goes back as {@code failure reason}. */
    static final class Invalid extends Exception {
        final String action;
        final String infoHash;

        Invalid(String reason, String action, String infoHash) {
            super(reason, null, false, false);
            this.action = action;
            this.infoHash = infoHash;
        }
    }

    String infoHash() {
        return infoHashes.isEmpty() ? null : infoHashes.get(0);
    }

    boolean isAnnounce() {
        return "announce".equals(action);
    }

    boolean isAnswer() {
        return answer != null;
    }

    static TrackerMessage parse(String text) throws Invalid {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (Exception e) {
            throw new Invalid("invalid JSON", null, null);
        }
        if (json == null || !json.isObject()) {
            throw new Invalid("invalid JSON", null, null);
        }
        String action = json.path("action").asText(null);
        if ("announce".equals(action)) {
            return announce(json);
        }
        if ("scrape".equals(action)) {
            return scrape(json);
        }
        throw new Invalid("invalid action in WS request: " + action, null, null);
    }

    private static TrackerMessage announce(JsonNode json) throws Invalid {
        String infoHash = binary(json.get("info_hash"));
        if (infoHash == null) {
            throw new Invalid("invalid info_hash", "announce", null);
        }
        String peerId = binary(json.get("peer_id"));
        if (peerId == null) {
            throw new Invalid("invalid peer_id", "announce", infoHash);
        }
        JsonNode answer = json.get("answer");
        String toPeerId = null;
        String offerId = null;
        if (answer != null && !answer.isNull()) {
            toPeerId = binary(json.get("to_peer_id"));
            offerId = binary(json.get("offer_id"));
            if (toPeerId == null || offerId == null) {
                throw new Invalid("invalid `to_peer_id` or `offer_id` (required with `answer`)", "announce", infoHash);
            }
        } else {
            answer = null;
        }
        List<Offer> offers = new ArrayList<>();
        JsonNode given = json.get("offers");
        if (given != null && given.isArray()) {
            for (JsonNode offer : given) {
                String id = binary(offer.get("offer_id"));
                JsonNode sdp = offer.get("offer");
                if (id == null || sdp == null || !sdp.isObject()) {
                    throw new Invalid("invalid offer", "announce", infoHash);
                }
                offers.add(new Offer(sdp, id));
            }
        }
        JsonNode numwant = json.get("numwant");
        JsonNode left = json.get("left");
        String event = json.path("event").asText(null);
        boolean seeding = left != null && left.isNumber() && left.asDouble() == 0;
        return new TrackerMessage("announce", List.of(infoHash), peerId,
                numwant != null && numwant.canConvertToInt() ? numwant.asInt() : null,
                event, seeding, offers, answer, toPeerId, offerId);
    }

    private static TrackerMessage scrape(JsonNode json) throws Invalid {
        JsonNode given = json.get("info_hash");
        List<String> hashes = new ArrayList<>();
        if (given != null && given.isArray()) {
            for (JsonNode hash : given) {
                hashes.add(binaryOrFail(hash));
            }
        } else if (given != null && !given.isNull()) {
            hashes.add(binaryOrFail(given));
        }
        if (hashes.isEmpty()) {
            throw new Invalid("scrape needs one or more info_hash", "scrape", null);
        }
        return new TrackerMessage("scrape", List.copyOf(hashes), null, null, null, false, List.of(), null, null, null);
    }

    private static String binaryOrFail(JsonNode node) throws Invalid {
        String value = binary(node);
        if (value == null) {
            throw new Invalid("invalid info_hash", "scrape", null);
        }
        return value;
    }

    /** A 20-character string of characters 0–255, or null. */
    static String binary(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String value = node.textValue();
        if (value.length() != 20) {
            return null;
        }
        for (int i = 0; i < 20; i++) {
            if (value.charAt(i) > 0xFF) {
                return null;
            }
        }
        return value;
    }

    /** The lowercase hex of a binary string's 20 bytes. */
    static String hex(String binary) {
        char[] digits = new char[binary.length() * 2];
        for (int i = 0; i < binary.length(); i++) {
            int b = binary.charAt(i);
            digits[2 * i] = Character.forDigit(b >> 4, 16);
            digits[2 * i + 1] = Character.forDigit(b & 0xF, 16);
        }
        return new String(digits);
    }

    // ------------------------------------------------------------ what the tracker sends

    static String announceReply(String infoHash, SwarmCounts counts, long intervalSeconds) {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("action", "announce");
        reply.put("interval", intervalSeconds);
        reply.put("info_hash", infoHash);
        reply.put("complete", counts.complete());
        reply.put("incomplete", counts.incomplete());
        return write(reply);
    }

    static String relayedOffer(String infoHash, String fromPeerId, Offer offer) {
        ObjectNode message = JSON.createObjectNode();
        message.put("action", "announce");
        message.set("offer", offer.offer());
        message.put("offer_id", offer.offerId());
        message.put("peer_id", fromPeerId);
        message.put("info_hash", infoHash);
        return write(message);
    }

    static String relayedAnswer(String infoHash, String fromPeerId, JsonNode answer, String offerId) {
        ObjectNode message = JSON.createObjectNode();
        message.put("action", "announce");
        message.set("answer", answer);
        message.put("offer_id", offerId);
        message.put("peer_id", fromPeerId);
        message.put("info_hash", infoHash);
        return write(message);
    }

    static String scrapeReply(List<String> infoHashes, List<SwarmCounts> counts, long intervalSeconds) {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("action", "scrape");
        ObjectNode files = reply.putObject("files");
        for (int i = 0; i < infoHashes.size(); i++) {
            ObjectNode file = files.putObject(infoHashes.get(i));
            file.put("complete", counts.get(i).complete());
            file.put("incomplete", counts.get(i).incomplete());
            file.put("downloaded", counts.get(i).downloaded());
        }
        reply.putObject("flags").put("min_request_interval", intervalSeconds);
        return write(reply);
    }

    static String failure(String action, String infoHash, String reason) {
        ObjectNode reply = JSON.createObjectNode();
        if (action != null) {
            reply.put("action", action);
        }
        reply.put("failure reason", reason);
        if (infoHash != null) {
            reply.put("info_hash", infoHash);
        }
        return write(reply);
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

