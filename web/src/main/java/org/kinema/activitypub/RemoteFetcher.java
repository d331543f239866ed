package org.kinema.activitypub;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kinema.actor.Actor;
import org.kinema.actor.ActorName;
import org.kinema.api.platform.JsonMapper;
import org.kinema.federation.FederationService;
import org.kinema.federation.HttpSignature;
import org.kinema.federation.PublicAddresses;
import org.kinema.federation.RsaKeys;
import org.kinema.platform.KinemaSettings;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads documents from other servers, guarded: http(s) only, never a private or loopback address
 * (unless KINEMA_FEDERATION_ALLOW_PRIVATE=true, for tests on one machine), no redirects, at most
 * {@link #MAX_BYTES} in at most {@link #TIMEOUT}, and the document's id on the host it came from.
 * Its GETs are signed by the instance's actor, so that servers that require signed fetches answer.
 */
@ApplicationScoped
public class RemoteFetcher {

    static final int MAX_BYTES = 1024 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String ACCEPT = "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Inject
    private KinemaSettings settings;

    @Inject
    private FederationService federation;

    /** Why a remote document was not taken; the message is safe to show. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** An actor's document, from its own URL. */
    public ActorDocument actor(String url) throws Refused {
        URI uri = checked(url);
        ActorDocument document;
        try {
            document = JsonMapper.mapper().readValue(get(uri), ActorDocument.class);
        } catch (IOException e) {
            throw new Refused("the actor's document is not JSON of an actor");
        }
        if (document.id() == null || !sameHost(uri, document.id())) {
            throw new Refused("the actor's document names an id on another host than it came from");
        }
        return document;
    }

    /** Any ActivityPub document (a video, a collection or its page), from its own URL. */
    public JsonNode document(String url) throws Refused {
        URI uri = checked(url);
        JsonNode document;
        try {
            document = JsonMapper.mapper().readTree(get(uri));
        } catch (IOException e) {
            throw new Refused("the document at " + url + " is not JSON");
        }
        if (document == null || !document.isObject() || !document.path("id").isTextual() || !sameHost(uri, document.path("id").asText())) {
            throw new Refused("the document at " + url + " names no id, or an id on another host than it came from");
        }
        return document;
    }

    /** A video's document, from its own URL. */
    public VideoObject video(String url) throws Refused {
        JsonNode document = document(url);
        try {
            return JsonMapper.mapper().treeToValue(document, VideoObject.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused("the document at " + url + " is not a video");
        }
    }

    /**
     * The ActivityPub id of {@code name@host}, through the host's WebFinger: over https, or over
     * http where private addresses are allowed (tests on one machine).
     */
    public String webfinger(String name, String host) throws Refused {
        String query = "/.well-known/webfinger?resource=" + URLEncoder.encode("acct:" + name + "@" + host, StandardCharsets.UTF_8);
        JsonNode answer;
        try {
            answer = JsonMapper.mapper().readTree(get(checked("https://" + host + query)));
        } catch (Refused | IOException e) {
            if (!settings.federationAllowsPrivateAddresses()) {
                throw new Refused("no WebFinger answer from " + host + " for " + name);
            }
            try {
                answer = JsonMapper.mapper().readTree(get(checked("http://" + host + query)));
            } catch (IOException again) {
                throw new Refused("the WebFinger answer of " + host + " is not JSON");
            }
        }
        for (JsonNode link : answer.path("links")) {
            if ("self".equals(link.path("rel").asText()) && link.path("href").isTextual()) {
                return link.path("href").asText();
            }
        }
        throw new Refused(host + " knows no actor " + name);
    }

    /** A URL this instance may fetch: http or https, on a public address (or any address, when allowed). */
    URI checked(String url) throws Refused {
        try {
            return PublicAddresses.checked(url, settings.federationAllowsPrivateAddresses());
        } catch (PublicAddresses.Refused e) {
            throw new Refused(e.getMessage());
        }
    }

    static boolean sameHost(URI fetched, String id) {
        try {
            URI named = URI.create(id);
            return named.getHost() != null && named.getHost().equalsIgnoreCase(fetched.getHost())
                    && port(named) == port(fetched);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private byte[] get(URI uri) throws Refused {
        String date = HttpSignature.httpDate(Instant.now());
        String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Actor signer = federation.localActor(ActorName.APPLICATION);
        String signature = HttpSignature.sign("GET", path, List.of("(request-target)", "host", "date"),
                name -> name.equals("host") ? host : name.equals("date") ? date : null,
                RsaKeys.privateKey(signer.privateKey()), signer.url());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Accept", ACCEPT)
                .header("Date", date)
                .header("Signature", signature)
                .header("User-Agent", "Kinema (+" + settings.publicUrl() + ")")
                .GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.sendAsync(request, info -> new Bounded(MAX_BYTES)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted while fetching " + uri);
        } catch (TimeoutException e) {
            throw new Refused(uri.getHost() + " did not answer in time");
        } catch (ExecutionException e) {
            throw new Refused(e.getCause() instanceof Refused refused ? refused.getMessage()
                    : uri.getHost() + " could not be reached");
        }
        if (response.statusCode() != 200) {
            throw new Refused(uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** A body of at most {@code limit} bytes: a longer one fails the fetch as soon as it grows past it. */
    private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final List<ByteBuffer> parts = new ArrayList<>();
        private Flow.Subscription subscription;
        private int size;

        Bounded(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            subscription = newSubscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                size += item.remaining();
                parts.add(item);
            }
            if (size > limit) {
                subscription.cancel();
                result.completeExceptionally(new Refused("the document is larger than " + limit + " bytes"));
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            byte[] body = new byte[size];
            int at = 0;
            for (ByteBuffer part : parts) {
                int length = part.remaining();
                part.get(body, at, length);
                at += length;
            }
            result.complete(body);
        }
    }
}
