package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket peer of the tracker, for tests: it keeps every message it receives. */
final class TrackerPeer implements WebSocket.Listener {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    final String peerId = randomBinary();
    final List<String> offerIds = new ArrayList<>();
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private final WebSocket socket;

    TrackerPeer(URI uri) {
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

    /** 20 random bytes as a binary string, NUL and bytes above 127 included. */
    static String randomBinary() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        bytes[3] = 0;
        bytes[7] = (byte) 0xff;
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
