package org.kinema.tracker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A message of the WebTorrent tracker protocol, read and checked. Info hashes, peer ids and offer
 * ids are 20-character binary strings (each character one byte, 0–255): they are kept as such,
 * unchanged, so that what goes back to browsers is byte for byte what they sent.
 *
 * <p>Every announce of a busy swarm passes through here, so messages are read with Jackson's
 * streaming parser, not as trees: an offer's or answer's SDP object is kept as the JSON text the
 * browser sent (checked to be well-formed while skipping over it) and relayed as that text.
 * Replies are written straight into a string builder.
 */
record TrackerMessage(String action, List<String> infoHashes, String peerId, Integer numwant, String event,
                      boolean seeding, List<Offer> offers, String answer, String toPeerId, String offerId) {

    private static final JsonFactory JSON = new JsonFactory();

    /** An offer to relay: the SDP object as JSON text, as sent, and its id. */
    record Offer(String offer, String offerId) {
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

    /** The fields of a message as read, before they are checked. */
    private static final class Fields {
        String action;
        Object infoHash;
        Object peerId;
        Object toPeerId;
        Object offerId;
        String event;
        Integer numwant;
        boolean seeding;
        String answer;
        boolean answerMalformed;
        List<Offer> offers = List.of();
        boolean offerMalformed;
    }

    /** Marks a value that is present but not a string (so not a binary string either). */
    private static final Object NOT_TEXT = new Object();

    static TrackerMessage parse(String text) throws Invalid {
        Fields fields = new Fields();
        try (JsonParser json = JSON.createParser(text)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new Invalid("invalid JSON", null, null);
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                switch (name) {
                    case "action" -> fields.action = value == JsonToken.VALUE_STRING ? json.getText() : null;
                    case "info_hash" -> fields.infoHash = value == JsonToken.START_ARRAY ? strings(json) : text(json);
                    case "peer_id" -> fields.peerId = text(json);
                    case "to_peer_id" -> fields.toPeerId = text(json);
                    case "offer_id" -> fields.offerId = text(json);
                    case "event" -> fields.event = value == JsonToken.VALUE_STRING ? json.getText() : null;
                    case "numwant" -> fields.numwant = wholeNumber(json);
                    case "left" -> fields.seeding = value.isNumeric() && json.getDoubleValue() == 0;
                    case "answer" -> {
                        if (value == JsonToken.START_OBJECT) {
                            fields.answer = rawObject(json, text);
                        } else {
                            fields.answerMalformed = value != JsonToken.VALUE_NULL;
                            json.skipChildren();
                        }
                    }
                    case "offers" -> {
                        if (value == JsonToken.START_ARRAY) {
                            readOffers(json, text, fields);
                        } else {
                            json.skipChildren();
                        }
                    }
                    default -> json.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new Invalid("invalid JSON", null, null);
        }
        if ("announce".equals(fields.action)) {
            return announce(fields);
        }
        if ("scrape".equals(fields.action)) {
            return scrape(fields);
        }
        throw new Invalid("invalid action in WS request: " + fields.action, null, null);
    }

    private static TrackerMessage announce(Fields fields) throws Invalid {
        String infoHash = binary(fields.infoHash);
        if (infoHash == null) {
            throw new Invalid("invalid info_hash", "announce", null);
        }
        String peerId = binary(fields.peerId);
        if (peerId == null) {
            throw new Invalid("invalid peer_id", "announce", infoHash);
        }
        String toPeerId = null;
        String offerId = null;
        if (fields.answerMalformed) {
            throw new Invalid("invalid answer", "announce", infoHash);
        }
        if (fields.answer != null) {
            toPeerId = binary(fields.toPeerId);
            offerId = binary(fields.offerId);
            if (toPeerId == null || offerId == null) {
                throw new Invalid("invalid `to_peer_id` or `offer_id` (required with `answer`)", "announce", infoHash);
            }
        }
        if (fields.offerMalformed) {
            throw new Invalid("invalid offer", "announce", infoHash);
        }
        return new TrackerMessage("announce", List.of(infoHash), peerId, fields.numwant, fields.event, fields.seeding,
                fields.offers, fields.answer, toPeerId, offerId);
    }

    private static TrackerMessage scrape(Fields fields) throws Invalid {
        List<String> hashes = new ArrayList<>();
        if (fields.infoHash instanceof List<?> given) {
            for (Object hash : given) {
                hashes.add(binaryOrFail(hash));
            }
        } else if (fields.infoHash != null) {
            hashes.add(binaryOrFail(fields.infoHash));
        }
        if (hashes.isEmpty()) {
            throw new Invalid("scrape needs one or more info_hash", "scrape", null);
        }
        return new TrackerMessage("scrape", List.copyOf(hashes), null, null, null, false, List.of(), null, null, null);
    }

    /** Reads {@code [{"offer": {…}, "offer_id": "…"}, …]}; anything else in it marks the offers malformed. */
    private static void readOffers(JsonParser json, String text, Fields fields) throws IOException {
        List<Offer> offers = new ArrayList<>();
        for (JsonToken element = json.nextToken(); element != JsonToken.END_ARRAY; element = json.nextToken()) {
            if (element != JsonToken.START_OBJECT) {
                json.skipChildren();
                fields.offerMalformed = true;
                continue;
            }
            String sdp = null;
            Object id = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if ("offer".equals(name) && value == JsonToken.START_OBJECT) {
                    sdp = rawObject(json, text);
                } else if ("offer_id".equals(name)) {
                    id = text(json);
                } else {
                    json.skipChildren();
                }
            }
            String offerId = binary(id);
            if (sdp == null || offerId == null) {
                fields.offerMalformed = true;
            } else {
                offers.add(new Offer(sdp, offerId));
            }
        }
        fields.offers = offers;
    }

    /** The JSON text of the object starting at the current token, which is then skipped. */
    private static String rawObject(JsonParser json, String text) throws IOException {
        int start = (int) json.currentTokenLocation().getCharOffset();
        json.skipChildren();
        int end = (int) json.currentLocation().getCharOffset();
        return text.substring(start, end);
    }

    /** The current value if it is a string, else a marker (and the value is skipped). */
    private static Object text(JsonParser json) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_STRING) {
            return json.getText();
        }
        json.skipChildren();
        return json.currentToken() == JsonToken.VALUE_NULL ? null : NOT_TEXT;
    }

    private static List<Object> strings(JsonParser json) throws IOException {
        List<Object> values = new ArrayList<>();
        for (JsonToken element = json.nextToken(); element != JsonToken.END_ARRAY; element = json.nextToken()) {
            values.add(element == JsonToken.VALUE_STRING ? json.getText() : NOT_TEXT);
            json.skipChildren();
        }
        return values;
    }

    private static Integer wholeNumber(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.INT) {
            return json.getIntValue();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = json.getDoubleValue();
            return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (int) value : null;
        }
        json.skipChildren();
        return null;
    }

    private static String binaryOrFail(Object value) throws Invalid {
        String binary = binary(value);
        if (binary == null) {
            throw new Invalid("invalid info_hash", "scrape", null);
        }
        return binary;
    }

    /** A 20-character string of characters 0–255, or null. */
    static String binary(Object value) {
        if (!(value instanceof String text) || text.length() != 20) {
            return null;
        }
        for (int i = 0; i < 20; i++) {
            if (text.charAt(i) > 0xFF) {
                return null;
            }
        }
        return text;
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
        StringBuilder reply = new StringBuilder(128).append("{\"action\":\"announce\",\"interval\":")
                .append(intervalSeconds).append(",\"info_hash\":");
        quote(reply, infoHash).append(",\"complete\":").append(counts.complete())
                .append(",\"incomplete\":").append(counts.incomplete());
        return reply.append('}').toString();
    }

    static String relayedOffer(String infoHash, String fromPeerId, Offer offer) {
        return relayed("offer", offer.offer(), offer.offerId(), fromPeerId, infoHash);
    }

    static String relayedAnswer(String infoHash, String fromPeerId, String answer, String offerId) {
        return relayed("answer", answer, offerId, fromPeerId, infoHash);
    }

    private static String relayed(String kind, String sdp, String offerId, String fromPeerId, String infoHash) {
        StringBuilder message = new StringBuilder(sdp.length() + 160).append("{\"action\":\"announce\",\"")
                .append(kind).append("\":").append(sdp).append(",\"offer_id\":");
        quote(message, offerId).append(",\"peer_id\":");
        quote(message, fromPeerId).append(",\"info_hash\":");
        return quote(message, infoHash).append('}').toString();
    }

    static String scrapeReply(List<String> infoHashes, List<SwarmCounts> counts, long intervalSeconds) {
        StringBuilder reply = new StringBuilder(64 + 80 * infoHashes.size()).append("{\"action\":\"scrape\",\"files\":{");
        for (int i = 0; i < infoHashes.size(); i++) {
            if (i > 0) {
                reply.append(',');
            }
            quote(reply, infoHashes.get(i)).append(":{\"complete\":").append(counts.get(i).complete())
                    .append(",\"incomplete\":").append(counts.get(i).incomplete())
                    .append(",\"downloaded\":").append(counts.get(i).downloaded()).append('}');
        }
        return reply.append("},\"flags\":{\"min_request_interval\":").append(intervalSeconds).append("}}").toString();
    }

    static String failure(String action, String infoHash, String reason) {
        StringBuilder reply = new StringBuilder(128).append('{');
        if (action != null) {
            quote(reply.append("\"action\":"), action).append(',');
        }
        quote(reply.append("\"failure reason\":"), reason);
        if (infoHash != null) {
            quote(reply.append(",\"info_hash\":"), infoHash);
        }
        return reply.append('}').toString();
    }

    /** Appends {@code value} as a JSON string: quote, backslash and control characters escaped, the rest as is. */
    static StringBuilder quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
