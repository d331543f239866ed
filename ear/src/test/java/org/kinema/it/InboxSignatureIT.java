package org.kinema.it;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinema.federation.HttpSignature;
import org.kinema.federation.RsaKeys;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kinema.it.Problems.assertProblem;

/**
 * Inboxes keep an activity only when its HTTP signature is its actor's: a remote actor, served
 * here from a small HTTP server on loopback with a test key, delivers signed activities, and
 * forged, unsigned, stale and tampered deliveries are refused and leave nothing behind.
 */
@ExtendWith(KinemaServer.class)
class InboxSignatureIT {

    private static final Api API = KinemaServer.api().overHttp11();
    private static final String HOST = API.baseUrl().substring(API.baseUrl().indexOf("://") + 3);
    private static final String[] ALICE_KEYS = RsaKeys.generate();
    private static final String[] MALLORY_KEYS = RsaKeys.generate();
    private static final AtomicReference<String[]> CAROL_KEYS =
            new AtomicReference<>(RsaKeys.generate());
    /** The headers of the last fetch of each served document, by path. */
    private static final Map<String, Headers> FETCHES = new ConcurrentHashMap<>();
    private static HttpServer remote;
    private static String alice;
    private static String carol;
    private static String liar;

    @BeforeAll
    static void aRemoteActorOnLoopback() throws Exception {
        remote = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String origin = "http://localhost:" + remote.getAddress().getPort();
        alice = origin + "/accounts/alice";
        carol = origin + "/accounts/carol";
        liar = origin + "/accounts/liar";
        serve("/accounts/alice", () -> actor(alice, ALICE_KEYS[0]));
        serve("/accounts/carol", () -> actor(carol, CAROL_KEYS.get()[0]));
        serve("/accounts/liar", () -> actor("http://elsewhere.example/accounts/liar", ALICE_KEYS[0]));
        serve("/accounts/dave", () -> actor(origin + "/accounts/dave", ALICE_KEYS[0]));
        remote.start();
    }

    /** Serves an actor's document as it is at the time of each fetch. */
    private static void serve(String path, Supplier<RemoteActor> document) {
        remote.createContext(path, exchange -> {
            FETCHES.put(path, exchange.getRequestHeaders());
            byte[] body = Api.JSON.writeValueAsBytes(document.get());
            exchange.getResponseHeaders().set("Content-Type", "application/activity+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @AfterAll
    static void stopTheRemote() {
        if (remote != null) {
            remote.stop(0);
        }
    }

    @Test
    void anActivitySignedByItsActorIsAcceptedAndKept() throws Exception {
        String id = follow();
        Api.Reply reply = deliver("/inbox", body(id), signed(ALICE_KEYS[1], alice, Instant.now(), null));
        assertEquals(204, reply.status(), reply::toString);
        assertEquals(1, kept(id));
    }

    @Test
    void aMastodonStyleKeyIdIsAcceptedAtTheInstanceActorsInbox() throws Exception {
        String id = follow();
        Api.Reply reply = deliver("/accounts/peertube/inbox", body(id), signed(ALICE_KEYS[1], alice + "#main-key", Instant.now(),
                null));
        assertEquals(204, reply.status(), reply::toString);
        assertEquals(1, kept(id));
    }

    @Test
    void aKeyTheActorChangedIsFetchedAgainOnce() throws Exception {
        String first = follow(carol);
        assertEquals(204, deliver("/inbox", body(first, carol), signed(CAROL_KEYS.get()[1], carol, Instant.now(), null)).status());
        CAROL_KEYS.set(RsaKeys.generate());
        String second = follow(carol);
        Api.Reply reply = deliver("/inbox", body(second, carol), signed(CAROL_KEYS.get()[1], carol, Instant.now(), null));
        assertEquals(204, reply.status(), reply::toString);
        assertEquals(1, kept(second));
    }

    @Test
    void anActorDocumentNamingAnotherHostIsNotTrusted() throws Exception {
        String id = follow(liar);
        Api.Reply reply = deliver("/inbox", body(id, liar), signed(ALICE_KEYS[1], liar, Instant.now(), null));
        assertProblem(reply, 403);
        assertEquals(0, kept(id));
    }

    @Test
    void theInstanceSignsItsFetchesOfActorsWithItsOwnActorsKey() throws Exception {
        String dave = alice.replace("alice", "dave");
        String id = follow(dave);
        assertEquals(204, deliver("/inbox", body(id, dave), signed(ALICE_KEYS[1], dave, Instant.now(), null)).status());
        Headers fetch = FETCHES.get("/accounts/dave");
        HttpSignature.Parsed signature = HttpSignature.parse(fetch.getFirst("Signature"));
        assertEquals(API.baseUrl() + "/accounts/peertube", signature.keyId());
        String instanceKey = Api.JSON.readTree(API.send("GET", "/accounts/peertube", null,
                Map.of("Accept", "application/activity+json"), null).body()).path("publicKey").path("publicKeyPem").asText();
        HttpSignature.verify(signature, "GET", "/accounts/dave", name -> fetch.getFirst(name), null,
                RsaKeys.publicKey(instanceKey), Instant.now());
    }

    @Test
    void anUnsignedDeliveryIsRefusedWith401() throws Exception {
        String id = follow();
        Api.Reply reply = deliver("/inbox", body(id), null);
        assertProblem(reply, 401);
        assertEquals(0, kept(id));
    }

    @Test
    void aDeliverySignedWithAnotherKeyIsRefused() throws Exception {
        String id = follow();
        Api.Reply reply = deliver("/inbox", body(id), signed(MALLORY_KEYS[1], alice, Instant.now(), null));
        assertProblem(reply, 403);
        assertEquals(0, kept(id));
    }

    @Test
    void aDeliveryWithAStaleDateIsRefused() throws Exception {
        String id = follow();
        Api.Reply reply = deliver("/inbox", body(id), signed(ALICE_KEYS[1], alice, Instant.now().minus(Duration.ofHours(2)), null));
        assertProblem(reply, 403);
        assertEquals(0, kept(id));
    }

    @Test
    void aDeliveryWhoseBodyDoesNotMatchItsDigestIsRefused() throws Exception {
        String id = follow();
        byte[] signedBody = body(id);
        byte[] sentBody = body(id.replace("follows", "forged"));
        Api.Reply reply = deliver("/inbox", sentBody, signed(ALICE_KEYS[1], alice, Instant.now(), signedBody));
        assertProblem(reply, 403);
        assertEquals(0, kept(id));
        assertEquals(0, kept(id.replace("follows", "forged")));
    }

    @Test
    void anActivityOfAnotherActorThanItsSignerIsRefused() throws Exception {
        String id = follow();
        byte[] body = Api.JSON.writeValueAsBytes(Map.of("type", "Follow", "id", id, "actor", "http://localhost:1/accounts/bob",
                "object", API.baseUrl() + "/accounts/peertube"));
        Api.Reply reply = deliver("/inbox", body, signed(ALICE_KEYS[1], alice, Instant.now(), body));
        assertProblem(reply, 403);
        assertEquals(0, kept(id));
    }

    /** The headers of a delivery signed with a key, at a date, over a body (the one sent unless given). */
    private record Signing(String privateKey, String keyId, Instant date, byte[] signedBody) {
    }

    private static Signing signed(String privateKey, String keyId, Instant date, byte[] signedBody) {
        return new Signing(privateKey, keyId, date, signedBody);
    }

    private static Api.Reply deliver(String path, byte[] body, Signing signing) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/activity+json");
        if (signing != null) {
            String date = HttpSignature.httpDate(signing.date());
            String digest = HttpSignature.digest(signing.signedBody() == null ? body : signing.signedBody());
            headers.put("Date", date);
            headers.put("Digest", digest);
            Map<String, String> values = Map.of("host", HOST, "date", date, "digest", digest);
            headers.put("Signature", HttpSignature.sign("POST", path, List.of("(request-target)", "host", "date", "digest"),
                    values::get, RsaKeys.privateKey(signing.privateKey()), signing.keyId()));
        }
        return API.send("POST", path, null, headers, body);
    }

    private static String follow() {
        return follow(alice);
    }

    private static String follow(String actor) {
        return actor + "/follows/" + Fresh.name("f");
    }

    private static byte[] body(String id) throws Exception {
        return body(id, alice);
    }

    /** A Follow of this instance's actor by a remote actor. */
    private static byte[] body(String id, String actor) throws Exception {
        return Api.JSON.writeValueAsBytes(Map.of(
                "@context", List.of("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"),
                "type", "Follow", "id", id, "actor", actor, "object", API.baseUrl() + "/accounts/peertube"));
    }

    /** A remote Person's document, as much of it as an inbox reads. */
    private record RemoteActor(@JsonProperty("@context") List<String> context, String type,
                               String id, String preferredUsername, String name, String inbox, String outbox, String followers,
                               String following, Map<String, String> endpoints, Map<String, String> publicKey) {
    }

    private static RemoteActor actor(String id, String publicKeyPem) {
        return new RemoteActor(List.of("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"), "Person", id,
                id.substring(id.lastIndexOf('/') + 1), "Someone", id + "/inbox", id + "/outbox", id + "/followers", id + "/following",
                Map.of("sharedInbox", id.substring(0, id.indexOf("/accounts/")) + "/inbox"),
                Map.of("id", id + "#main-key", "owner", id, "publicKeyPem", publicKeyPem));
    }

    /** How many activities with this id the inboxes kept. */
    private static int kept(String activityId) throws Exception {
        try (Connection db = KinemaServer.database();
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM kinema.inbox_activity WHERE activity_id = ?")) {
            query.setString(1, activityId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
