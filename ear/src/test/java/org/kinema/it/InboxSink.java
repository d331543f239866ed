package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.kinema.federation.HttpSignature;
import org.kinema.federation.RsaKeys;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inboxes of remote servers, for tests and benchmarks on one machine: one HTTP server on every
 * loopback address (127.0.0.2, 127.0.0.3, … are as many hosts), which checks each delivery's HTTP
 * signature with the key of the actor its key id names (fetched once from that actor's document)
 * and keeps what it verified. A host can be told to answer with another status, as a server that is down would.
 */
public final class InboxSink implements AutoCloseable {

    /** One verified delivery: the host and path it was posted to, and the activity. */
    public record Received(String host, String path, JsonNode activity, Instant at) {
    }

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    private final Map<String, Integer> statusOfHost = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();

    public InboxSink(int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 1024);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code 127.0.x.y:port}, the n-th host (from 0) of this sink. */
    public String host(int n) {
        return "127.0." + (n / 250) + "." + (2 + n % 250) + ":" + port();
    }

    /** Deliveries to this host ({@code 127.0.x.y:port}) are answered with this status from now on. */
    public void answer(String host, int status) {
        statusOfHost.put(host, status);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Deliveries whose signature did not verify. */
    public int refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String host = exchange.getRequestHeaders().getFirst("Host");
            Integer status = statusOfHost.get(host);
            if (status != null && status != 204) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            try {
                HttpSignature.Parsed signature = HttpSignature.parse(exchange.getRequestHeaders().getFirst("Signature"));
                HttpSignature.verify(signature, exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        name -> exchange.getRequestHeaders().getFirst(name.toLowerCase(Locale.ROOT)), body,
                        keys.computeIfAbsent(signature.keyId(), this::fetchKey), Instant.now());
            } catch (HttpSignature.Invalid | RuntimeException e) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            received.add(new Received(host, path, Api.JSON.readTree(body), Instant.now()));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private PublicKey fetchKey(String keyId) {
        String actor = keyId.contains("#") ? keyId.substring(0, keyId.indexOf('#')) : keyId;
        try {
            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(actor))
                    .header("Accept", "application/activity+json").build(), HttpResponse.BodyHandlers.ofString());
            return RsaKeys.publicKey(Api.JSON.readTree(reply.body()).path("publicKey").path("publicKeyPem").asText());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the key of " + actor, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
