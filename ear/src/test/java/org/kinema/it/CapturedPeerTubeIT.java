package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinema.federation.HttpSignature;
import org.kinema.federation.RsaKeys;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Eventually.await;

/**
 * Kinema against what a real PeerTube 6.3 sent and served, as captured on the wire: a small server
 * on loopback plays PeerTube instance A, serving A's captured documents (its account, its WebFinger
 * answer, its video) with test keys in place of A's, and delivers A's and B's captured Follow, Undo,
 * Accept and Announce to Kinema's inboxes with their HTTP signatures made again by those keys. Each
 * must leave Kinema in the state a real PeerTube's delivery would: a follower accepted and answered,
 * then gone, then back (PeerTube re-used the Follow's id after its Undo); Kinema's own follow of A
 * accepted; A's announced video kept and playable from A's files.
 */
@ExtendWith(KinemaServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CapturedPeerTubeIT {

    private static final Api API = KinemaServer.api().overHttp11();
    private static final String KINEMA = API.baseUrl();
    private static final String KINEMA_HOST = URI.create(KINEMA).getAuthority();
    private static final Map<String, String[]> KEYS = new ConcurrentHashMap<>();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static CapturedPeerTube captured;
    private static HttpServer peertube;
    private static String origin;
    private static String host;
    private static String uuid;
    private static String capturedUuid;

    /** An activity a captured server's inbox received from Kinema, its signature verified with Kinema's key. */
    private record Received(String path, JsonNode activity) {
    }

    @BeforeAll
    static void playPeerTubeA() throws Exception {
        captured = CapturedPeerTube.read();
        peertube = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        host = "localhost:" + peertube.getAddress().getPort();
        origin = "http://" + host;
        capturedUuid = captured.video(origin).path("uuid").asText();
        uuid = UUID.randomUUID().toString();
        ObjectNode root = captured.person(origin);
        serve("/accounts/root", keyed(root));
        serve("/accounts/peertube", keyed(renamed(root, "/accounts/root", "/accounts/peertube", "Application", "peertube")));
        ObjectNode channel = renamed(root, "/accounts/root", "/video-channels/root_channel", "Group", "root_channel");
        channel.putArray("attributedTo").addObject().put("type", "Person").put("id", origin + "/accounts/root");
        serve("/video-channels/root_channel", keyed(channel));
        serve("/accounts/peertube/outbox", Api.JSON.createObjectNode().put("id", origin + "/accounts/peertube/outbox")
                .put("type", "OrderedCollection").put("totalItems", 0));
        serve("/videos/watch/" + uuid, Api.JSON.readTree(captured.video(origin).toString().replace(capturedUuid, uuid)));
        String finger = captured.webFinger(origin).toString().replace("acct:root@", "acct:peertube@")
                .replace("/accounts/root", "/accounts/peertube");
        serve("/.well-known/webfinger", Api.JSON.readTree(finger));
        peertube.createContext("/inbox", CapturedPeerTubeIT::receive);
        peertube.createContext("/accounts/peertube/inbox", CapturedPeerTubeIT::receive);
        peertube.start();
    }

    @AfterAll
    static void stop() {
        if (peertube != null) {
            peertube.stop(0);
        }
    }

    @Test
    @Order(1)
    void theCapturedFollowOfAnInstanceIsAcceptedAndAnsweredAsPeerTubeAnswersIt() throws Exception {
        List<ObjectNode> exchange = captured.followExchange(KINEMA, origin); // B, the follower, is played here
        ObjectNode follow = exchange.get(1);
        assertEquals(2, deliver("/accounts/peertube/inbox", follow, "/accounts/peertube").status() / 100);

        awaitFollower(true);
        JsonNode accept = awaitReceived("Accept", 1);
        ObjectNode capturedAccept = exchange.get(2);
        assertEquals(KINEMA + "/accounts/peertube", accept.path("actor").asText());
        assertTrue(accept.path("id").asText().startsWith(KINEMA + "/accepts/follows/"), accept::toString);
        for (String field : List.of("type", "id", "actor", "object")) {
            assertEquals(capturedAccept.path("object").path(field), accept.path("object").path(field),
                    "the Accept's object is the Follow as it came: " + field);
        }
        assertHasTheCapturedFields(capturedAccept, accept);
        assertEquals(0, REFUSED.get(), "every delivery to the captured server verified against Kinema's published key");
    }

    @Test
    @Order(2)
    void theCapturedUndoEndsTheFollowAndTheSameFollowIdFollowsAgain() throws Exception {
        List<ObjectNode> exchange = captured.followExchange(KINEMA, origin);
        assertEquals(2, deliver("/accounts/peertube/inbox", exchange.get(0), "/accounts/peertube").status() / 100);
        awaitFollower(false);

        assertEquals(2, deliver("/accounts/peertube/inbox", exchange.get(1), "/accounts/peertube").status() / 100);
        awaitFollower(true);
        awaitReceived("Accept", 2);
    }

    @Test
    @Order(3)
    void theCapturedAcceptCompletesThisInstancesFollowOfPeerTube() throws Exception {
        String rootToken = API.rootToken();
        assertEquals(204, API.postJson("/api/v1/server/following", rootToken, Map.of("hosts", List.of(host))).status());
        JsonNode follow = awaitReceived("Follow", 1);
        List<ObjectNode> exchange = captured.followExchange(origin, KINEMA); // now Kinema is B, the follower
        ObjectNode capturedFollow = exchange.get(1);
        assertHasTheCapturedFields(capturedFollow, follow);
        assertEquals(origin + "/accounts/peertube", follow.path("object").asText());
        assertEquals(KINEMA + "/accounts/peertube", follow.path("actor").asText());

        ObjectNode accept = exchange.get(2);
        ObjectNode followAsSent = accept.putObject("object");
        for (String field : List.of("type", "id", "actor", "object")) {
            followAsSent.set(field, follow.path(field));
        }
        assertEquals(2, deliver("/accounts/peertube/inbox", accept, "/accounts/peertube").status() / 100);
        await("Kinema's follow of the captured server accepted", () -> API.get("/api/v1/server/following?count=100",
                rootToken).json(), list -> stateOf(list, "following", host).equals("accepted"));
    }

    @Test
    @Order(4)
    void theCapturedAnnounceBringsTheCapturedVideoPlayableFromItsOrigin() throws Exception {
        ObjectNode announce = (ObjectNode) Api.JSON.readTree(captured.announce(origin).toString()
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", uuid));
        assertEquals(origin + "/videos/watch/" + uuid, announce.path("object").asText());
        assertEquals(2, deliver("/inbox", announce, "/video-channels/root_channel").status() / 100);

        JsonNode video = await("the announced video kept", () -> API.get("/api/v1/videos/" + uuid, null),
                reply -> reply.status() == 200).json();
        JsonNode source = captured.video(origin);
        assertFalse(video.path("isLocal").asBoolean(true), video::toString);
        assertEquals(source.path("name").asText(), video.path("name").asText());
        assertEquals(5, video.path("duration").asInt());
        assertEquals("root_channel", video.path("channel").path("name").asText());
        assertEquals(host, video.path("channel").path("host").asText());
        assertEquals("root", video.path("account").path("name").asText());
        assertEquals(host, video.path("account").path("host").asText());
        JsonNode hls = video.path("streamingPlaylists").path(0);
        assertEquals(hlsLink(source).path("href").asText().replace(capturedUuid, uuid), hls.path("playlistUrl").asText());
        Set<Integer> resolutions = new HashSet<>();
        hls.path("files").forEach(file -> resolutions.add(file.path("resolution").path("id").asInt()));
        assertEquals(Set.of(240, 360), resolutions, hls::toString);
        assertTrue(hls.path("files").path(0).path("fileUrl").asText().startsWith(origin + "/static/streaming-playlists/hls/"),
                hls::toString);
    }

    private static JsonNode hlsLink(JsonNode video) {
        for (JsonNode link : video.path("url")) {
            if ("application/x-mpegURL".equals(link.path("mediaType").asText())) {
                return link;
            }
        }
        throw new AssertionError("The captured video has no HLS playlist");
    }

    /** Every field PeerTube sent is in Kinema's activity too, but the JSON-LD signature (Kinema signs over HTTP only). */
    private static void assertHasTheCapturedFields(JsonNode peertubes, JsonNode kinemas) {
        for (Iterator<String> fields = peertubes.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!field.equals("signature")) {
                assertTrue(kinemas.has(field), "Kinema's " + kinemas.path("type").asText() + " has PeerTube's " + field
                        + ": " + kinemas);
            }
        }
    }

    private static void awaitFollower(boolean following) throws InterruptedException {
        await("the captured server " + (following ? "among" : "gone from") + " the followers",
                () -> API.get("/api/v1/server/followers?count=100", API.rootToken()).json(),
                list -> stateOf(list, "follower", host).equals(following ? "accepted" : "none"));
    }

    /** The state of the follow whose {@code side} (follower or following) is on {@code host}; "none" if there is none. */
    private static String stateOf(JsonNode list, String side, String host) {
        for (JsonNode follow : list.path("data")) {
            if (follow.path(side).path("host").asText().equals(host)) {
                return follow.path("state").asText();
            }
        }
        return "none";
    }

    private static JsonNode awaitReceived(String type, int count) throws InterruptedException {
        List<Received> found = await(count + " " + type + " from Kinema", () -> RECEIVED.stream()
                .filter(received -> type.equals(received.activity().path("type").asText())).toList(), list -> list.size() >= count);
        return found.get(count - 1).activity();
    }

    /** POSTs a captured activity to a Kinema inbox, signed as PeerTube signs: keyId the actor's URL, no #main-key. */
    private static Api.Reply deliver(String inbox, JsonNode activity, String signerPath) throws Exception {
        byte[] body = Api.JSON.writeValueAsBytes(activity);
        String date = HttpSignature.httpDate(Instant.now());
        String digest = HttpSignature.digest(body);
        Map<String, String> values = Map.of("host", KINEMA_HOST, "date", date, "digest", digest);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/activity+json");
        headers.put("Date", date);
        headers.put("Digest", digest);
        headers.put("Signature", HttpSignature.sign("POST", inbox, List.of("(request-target)", "host", "date", "digest"),
                values::get, RsaKeys.privateKey(KEYS.get(signerPath)[1]), origin + signerPath));
        return API.send("POST", inbox, null, headers, body);
    }

    /** The captured Person as another actor of the same server: its paths, type and names. */
    private static ObjectNode renamed(ObjectNode person, String from, String to, String type, String name) throws IOException {
        ObjectNode actor = (ObjectNode) Api.JSON.readTree(person.toString().replace(from, to));
        actor.put("type", type);
        actor.put("preferredUsername", name);
        actor.put("name", name);
        return actor;
    }

    /** The actor's document with a test key of its own in place of the captured server's. */
    private static ObjectNode keyed(ObjectNode actor) {
        String path = URI.create(actor.path("id").asText()).getPath();
        String[] keys = RsaKeys.generate();
        KEYS.put(path, keys);
        ((ObjectNode) actor.path("publicKey")).put("publicKeyPem", keys[0]);
        return actor;
    }

    private static void serve(String path, JsonNode document) throws IOException {
        byte[] body = Api.JSON.writeValueAsBytes(document);
        peertube.createContext(path, exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/activity+json; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
    }

    /** An inbox of the captured server: keeps what Kinema signed with its instance actor's published key, 204. */
    private static void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            try {
                HttpSignature.Parsed signature = HttpSignature.parse(exchange.getRequestHeaders().getFirst("Signature"));
                HttpSignature.verify(signature, "POST", exchange.getRequestURI().getRawPath(),
                        name -> exchange.getRequestHeaders().getFirst(name), body, keyOf(signature.keyId()), Instant.now());
            } catch (HttpSignature.Invalid | RuntimeException e) {
                REFUSED.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            RECEIVED.add(new Received(exchange.getRequestURI().getPath(), Api.JSON.readTree(body)));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static PublicKey keyOf(String keyId) {
        String actor = keyId.contains("#") ? keyId.substring(0, keyId.indexOf('#')) : keyId;
        if (!actor.startsWith(KINEMA + "/")) {
            throw new IllegalArgumentException("signed by " + actor + ", not by Kinema");
        }
        String document = API.send("GET", URI.create(actor).getPath(), null, Map.of("Accept", "application/activity+json"), null)
                .body();
        try {
            return RsaKeys.publicKey(Api.JSON.readTree(document).path("publicKey").path("publicKeyPem").asText());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
