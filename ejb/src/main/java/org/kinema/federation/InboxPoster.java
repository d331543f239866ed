package org.kinema.federation;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * POSTs one activity to one inbox, HTTP-signed as PeerTube signs deliveries: {@code (request-target)
 * host date digest}, rsa-sha256, the signer's actor URL as key id. A 2xx answer delivers it; a 4xx
 * other than 408 and 429 will never be accepted and is not retried; anything else is.
 */
public final class InboxPoster {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final List<String> SIGNED = List.of("(request-target)", "host", "date", "digest");

    /** What became of one POST. */
    public record Outcome(boolean delivered, boolean retry, String error) {
        static final Outcome DELIVERED = new Outcome(true, false, null);
    }

    /** Private keys by their PEM: parsed once per signer, not once per delivery. */
    private final Map<String, PrivateKey> keys = new ConcurrentHashMap<>();
    private final HttpClient client;
    private final boolean allowPrivate;
    private final String userAgent;

    public InboxPoster(boolean allowPrivate, String userAgent) {
        this.allowPrivate = allowPrivate;
        this.userAgent = userAgent;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Outcome post(PendingDelivery delivery) {
        URI inbox;
        try {
            inbox = PublicAddresses.checked(delivery.inboxUrl(), allowPrivate);
        } catch (PublicAddresses.Refused e) {
            return new Outcome(false, false, "refused: " + e.getMessage());
        }
        if (delivery.signerPrivateKey() == null) {
            return new Outcome(false, false, "the signing actor has no key");
        }
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        String date = HttpSignature.httpDate(Instant.now());
        String digest = HttpSignature.digest(body);
        String path = inbox.getRawPath() + (inbox.getRawQuery() == null ? "" : "?" + inbox.getRawQuery());
        Map<String, String> values = Map.of("host", PublicAddresses.authority(inbox), "date", date, "digest", digest);
        String signature = HttpSignature.sign("POST", path, SIGNED, values::get,
                keys.computeIfAbsent(delivery.signerPrivateKey(), RsaKeys::privateKey), delivery.signerUrl());
        HttpRequest request = HttpRequest.newBuilder(inbox)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/activity+json")
                .header("Accept", "application/activity+json, application/ld+json")
                .header("Date", date)
                .header("Digest", digest)
                .header("Signature", signature)
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = sendRenewingStale(request);
            int status = response.statusCode();
            if (status / 100 == 2) {
                return Outcome.DELIVERED;
            }
            boolean retry = status / 100 != 4 || status == 408 || status == 429;
            return new Outcome(false, retry, "the inbox answered " + status);
        } catch (HttpTimeoutException e) {
            return new Outcome(false, true, "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return new Outcome(false, true, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, true, "interrupted");
        }
    }

    /**
     * Sends the request, and once more at once when the exchange failed without an answer: most
     * often the connection reused from the pool had been closed by the server while idle (servers
     * close idle keep-alive connections when they please, and a client learns it only by the
     * failed exchange), and the failed connection has left the pool. Not after a refused connection
     * or a time-out, which the back-off handles. Like any retry, it sends an activity twice only if
     * the first POST arrived and the connection broke before its answer.
     */
    private HttpResponse<Void> sendRenewingStale(HttpRequest request) throws IOException, InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (ConnectException | HttpTimeoutException e) {
            throw e;
        } catch (IOException e) {
            return client.send(request, HttpResponse.BodyHandlers.discarding());
        }
    }
}
