package org.kinema.activitypub;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kinema.actor.Actor;
import org.kinema.actor.ActorType;
import org.kinema.api.platform.JsonMapper;
import org.kinema.federation.FederationService;
import org.kinema.federation.HttpSignature;
import org.kinema.federation.ReceivedActivity;
import org.kinema.federation.RemoteActorFacts;
import org.kinema.federation.RsaKeys;
import org.kinema.platform.DomainException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An inbox: takes an activity only when its HTTP signature (draft-cavage, rsa-sha256, over
 * {@code (request-target) host date digest}) is the activity's actor's. Coverage, date and digest
 * are checked before any key is looked up; the key comes from the cached actor, or from the
 * actor's document, fetched again once when a cached key fails (the actor may have a new one).
 * An unsigned request is 401, any other refusal 403, in PeerTube's JSON error; nothing refused is
 * kept. An accepted activity is kept for processing and answered 204.
 */
@ApplicationScoped
public class InboxReceiver {

    private static final Logger LOG = Logger.getLogger(InboxReceiver.class.getName());

    @Inject
    private FederationService federation;

    @Inject
    private RemoteFetcher fetcher;

    @Inject
    private InboxWorker worker;

    /** Why a delivery is refused, with the status it gets. */
    private static final class Refusal extends Exception {
        final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    public void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        try {
            ReceivedActivity activity = verified(request, body);
            federation.accept(activity);
            worker.wake();
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (Refusal refusal) {
            LOG.fine(() -> "Refused a delivery to " + request.getRequestURI() + ": " + refusal.getMessage());
            ActivityStreams.refuse(request, response, refusal.status, refusal.getMessage());
        }
    }

    private ReceivedActivity verified(HttpServletRequest request, byte[] body) throws Refusal {
        String header = request.getHeader("Signature");
        if (header == null || header.isBlank()) {
            throw new Refusal(401, "no authorization or signature header present in the request");
        }
        HttpSignature.Parsed signature;
        try {
            signature = HttpSignature.parse(header);
            HttpSignature.checkCoverage(signature, name -> request.getHeader(name), body, Instant.now());
        } catch (HttpSignature.Invalid invalid) {
            throw new Refusal(403, invalid.getMessage());
        }
        IncomingActivity activity = parsed(body);
        String signer = withoutFragment(signature.keyId());
        if (!signer.equals(activity.actorUrl())) {
            throw new Refusal(403, "the activity's actor did not sign it");
        }
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Optional<Actor> known = federation.cachedActor(signer);
        if (known.isPresent() && known.get().isLocal()) {
            throw new Refusal(403, "a local actor does not deliver through the inbox");
        }
        Optional<Actor> cached = known.filter(actor -> actor.publicKey() != null);
        try {
            check(signature, request, path, body, cached.isPresent() ? cached.get().publicKey() : fetchKey(signer));
        } catch (HttpSignature.Invalid invalid) {
            if (cached.isEmpty()) {
                throw new Refusal(403, invalid.getMessage());
            }
            try {
                check(signature, request, path, body, fetchKey(signer));
            } catch (HttpSignature.Invalid again) {
                throw new Refusal(403, again.getMessage());
            }
        }
        return new ReceivedActivity(activity.id(), activity.type(), activity.actorUrl(), signer, request.getRequestURI(),
                new String(body, StandardCharsets.UTF_8));
    }

    private static void check(HttpSignature.Parsed signature, HttpServletRequest request, String path, byte[] body,
                              String publicKeyPem) throws HttpSignature.Invalid {
        PublicKey key;
        try {
            key = RsaKeys.publicKey(publicKeyPem);
        } catch (IllegalArgumentException e) {
            throw new HttpSignature.Invalid("the actor's public key cannot be read");
        }
        HttpSignature.verify(signature, request.getMethod(), path, name -> request.getHeader(name), body, key, Instant.now());
    }

    private static IncomingActivity parsed(byte[] body) throws Refusal {
        IncomingActivity activity;
        try {
            activity = JsonMapper.mapper().readValue(body, IncomingActivity.class);
        } catch (IOException e) {
            throw new Refusal(400, "the body is not an activity in JSON");
        }
        if (activity == null || activity.type() == null || activity.actorUrl() == null || activity.type().length() > 64) {
            throw new Refusal(400, "an activity has a type and an actor");
        }
        return activity;
    }

    /** Reads the signer's actor document and keeps what it says; its key, as the document shows it. */
    private String fetchKey(String actorUrl) throws Refusal {
        ActorDocument document;
        try {
            document = fetcher.actor(actorUrl);
        } catch (RemoteFetcher.Refused refused) {
            throw new Refusal(403, "the signer's key cannot be read: " + refused.getMessage());
        }
        if (!actorUrl.equals(document.id()) || document.publicKey() == null || document.publicKey().publicKeyPem() == null
                || !actorUrl.equals(document.publicKey().owner())) {
            throw new Refusal(403, "the signer's document does not hold its key");
        }
        try {
            federation.cache(facts(document));
        } catch (DomainException | IllegalArgumentException e) {
            throw new Refusal(403, "the signer's document is not an actor this instance can keep: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not cache the actor " + actorUrl + "; its key is used uncached", e);
        }
        return document.publicKey().publicKeyPem();
    }

    static RemoteActorFacts facts(ActorDocument document) {
        ActorType type;
        try {
            type = ActorType.valueOf(document.type());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("its type is " + document.type());
        }
        if (document.preferredUsername() == null || document.inbox() == null) {
            throw new IllegalArgumentException("it has no name or no inbox");
        }
        URI id = URI.create(document.id());
        String host = id.getPort() == -1 ? id.getHost() : id.getHost() + ":" + id.getPort();
        return new RemoteActorFacts(type, document.preferredUsername(), host, document.id(),
                new Actor.Endpoints(document.inbox(), document.endpoints() == null ? null : document.endpoints().sharedInbox(),
                        document.outbox(), document.followers(), document.following()),
                document.publicKey().publicKeyPem(), document.name());
    }

    private static String withoutFragment(String keyId) {
        int hash = keyId.indexOf('#');
        return hash < 0 ? keyId : keyId.substring(0, hash);
    }
}
