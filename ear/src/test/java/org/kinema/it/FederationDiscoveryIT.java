package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinema.federation.RsaKeys;
import org.kinema.launcher.Folders;
import org.kinema.launcher.KinemaNode;
import org.kinema.launcher.NodeSettings;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/** Other servers find this instance's actors and videos as they find PeerTube's. */
@ExtendWith(KinemaServer.class)
class FederationDiscoveryIT {

    private static final Api API = KinemaServer.api();
    private static final String BASE = API.baseUrl();
    private static final String HOST = BASE.substring(BASE.indexOf("://") + 3);
    private static final Map<String, String> ACTIVITY_JSON = Map.of("Accept", "application/activity+json");
    private static final Map<String, String> LD_JSON = Map.of("Accept",
            "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"");
    private static final Map<String, String> BROWSER = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

    private static String owner;
    private static String publicUuid;
    private static String unlistedUuid;
    private static String privateUuid;

    @BeforeAll
    static void anAccountWithVideosOfEachPrivacy() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-3s-144p.mp4"), 3, 256, 144);
        owner = Fresh.name("fed");
        String token = API.newUser(owner, "secret-password");
        publicUuid = Videos.uploaded(API, token, clip, Map.of("name", "Federated lecture", "category", "1", "language", "fr"));
        unlistedUuid = Videos.uploaded(API, token, clip, Map.of("name", "Unlisted lecture", "privacy", "2"));
        privateUuid = Videos.uploaded(API, token, clip, Map.of("name", "Private lecture", "privacy", "3"));
        for (String uuid : List.of(publicUuid, unlistedUuid, privateUuid)) {
            Videos.awaitPublished(API, token, uuid);
        }
    }

    @Test
    void webFingerFindsAnAccountByAcct() {
        JsonNode found = webFinger("acct:" + owner + "@" + HOST);
        assertEquals("acct:" + owner + "@" + HOST, found.path("subject").asText());
        assertEquals(BASE + "/accounts/" + owner, self(found));
        assertEquals(BASE + "/accounts/" + owner, found.path("aliases").path(0).asText());
    }

    @Test
    void webFingerFindsAChannelAndTheInstanceActor() {
        assertEquals(BASE + "/video-channels/" + owner + "_channel", self(webFinger("acct:" + owner + "_channel@" + HOST)));
        assertEquals(BASE + "/accounts/peertube", self(webFinger("acct:peertube@" + HOST)));
    }

    @Test
    void webFingerTakesTheActorsUrlAsResource() {
        assertEquals(BASE + "/video-channels/" + owner + "_channel", self(webFinger(BASE + "/video-channels/" + owner + "_channel")));
    }

    @Test
    void webFingerAnswersUnknownActorsAndOtherHostsWith404AndNoResourceWith400() {
        assertProblem(API.get("/.well-known/webfinger?resource=" + encode("acct:nobody-here@" + HOST), null), 404);
        assertProblem(API.get("/.well-known/webfinger?resource=" + encode("acct:" + owner + "@elsewhere.example"), null), 404);
        assertProblem(API.get("/.well-known/webfinger", null), 400);
    }

    @Test
    void nodeInfoNamesKinemaAndCountsUsersAndVideos() {
        Api.Reply links = API.get("/.well-known/nodeinfo", null);
        assertEquals(200, links.status(), links::toString);
        String href = links.json().path("links").path(0).path("href").asText();
        assertEquals(BASE + "/nodeinfo/2.0.json", href);
        Api.Reply nodeInfo = API.get(href.substring(BASE.length()), null);
        assertEquals(200, nodeInfo.status(), nodeInfo::toString);
        assertEquals("2.0", nodeInfo.json().path("version").asText());
        assertEquals("kinema", nodeInfo.json().path("software").path("name").asText());
        assertFalse(nodeInfo.json().path("software").path("version").asText().isBlank());
        assertTrue(nodeInfo.json().path("usage").path("users").path("total").asLong() >= 2, "root and the owner");
        assertTrue(nodeInfo.json().path("usage").path("localPosts").asLong() >= 1, "the public video");
        assertEquals("activitypub", nodeInfo.json().path("protocols").path(0).asText());
    }

    @Test
    void hostMetaGivesTheWebFingerTemplate() {
        Api.Reply hostMeta = API.get("/.well-known/host-meta", null);
        assertEquals(200, hostMeta.status(), hostMeta::toString);
        assertTrue(hostMeta.header("Content-Type").startsWith("application/xrd+xml"), hostMeta.header("Content-Type"));
        assertTrue(hostMeta.body().contains("template=\"" + BASE + "/.well-known/webfinger?resource={uri}\""), hostMeta.body());
    }

    @Test
    void anAccountIsAPersonWithAKeyForActivityPub() {
        JsonNode person = activity("/accounts/" + owner, ACTIVITY_JSON);
        assertEquals("Person", person.path("type").asText());
        assertEquals(BASE + "/accounts/" + owner, person.path("id").asText());
        assertEquals(BASE + "/accounts/" + owner + "/inbox", person.path("inbox").asText());
        assertEquals(BASE + "/inbox", person.path("endpoints").path("sharedInbox").asText());
        assertEquals(BASE + "/accounts/" + owner + "#main-key", person.path("publicKey").path("id").asText());
        RsaKeys.publicKey(person.path("publicKey").path("publicKeyPem").asText());
        assertEquals(person.path("publicKey").path("publicKeyPem"), activity("/accounts/" + owner, LD_JSON).path("publicKey")
                .path("publicKeyPem"), "the key is drawn once");
    }

    @Test
    void aChannelIsAGroupAttributedToItsAccount() {
        JsonNode group = activity("/video-channels/" + owner + "_channel", LD_JSON);
        assertEquals("Group", group.path("type").asText());
        assertEquals(BASE + "/accounts/" + owner, group.path("attributedTo").path(0).path("id").asText());
    }

    @Test
    void theInstanceActorIsAnApplicationNamedPeertube() {
        JsonNode application = activity("/accounts/peertube", ACTIVITY_JSON);
        assertEquals("Application", application.path("type").asText());
        assertEquals("peertube", application.path("preferredUsername").asText());
    }

    @Test
    void aUserCannotTakeTheInstanceActorsName() {
        Api.Reply refused = API.postJson("/api/v1/users", API.rootToken(), Map.of(
                "username", "peertube", "password", "secret-password", "email", "peertube@kinema.test", "role", 2));
        assertProblem(refused, 409);
    }

    @Test
    void aBrowserAskingForAnAccountIsSentToItsPage() {
        Api.Reply page = API.send("GET", "/accounts/" + owner, null, BROWSER, null);
        assertEquals(302, page.status(), page::toString);
        assertEquals(BASE + "/a/" + owner, page.header("Location"));
    }

    @Test
    void aPublicVideoIsAVideoObjectWithItsHlsPlaylist() {
        JsonNode video = activity("/videos/watch/" + publicUuid, ACTIVITY_JSON);
        assertEquals("Video", video.path("type").asText());
        assertEquals(BASE + "/videos/watch/" + publicUuid, video.path("id").asText());
        assertEquals(publicUuid, video.path("uuid").asText());
        assertTrue(video.path("duration").asText().matches("PT\\d+S"), video.path("duration").asText());
        assertEquals("https://www.w3.org/ns/activitystreams#Public", video.path("to").path(0).asText());
        assertEquals("1", video.path("category").path("identifier").asText());
        assertEquals("fr", video.path("language").path("identifier").asText());
        assertEquals(BASE + "/accounts/" + owner, video.path("attributedTo").path(0).path("id").asText());
        assertEquals("Group", video.path("attributedTo").path(1).path("type").asText());
        String master = null;
        for (JsonNode link : video.path("url")) {
            if ("application/x-mpegURL".equals(link.path("mediaType").asText())) {
                master = link.path("href").asText();
            }
        }
        assertTrue(master != null && master.endsWith("-master.m3u8"), video.path("url")::toString);
        Api.Reply playlist = API.get(master.substring(BASE.length()), null);
        assertEquals(200, playlist.status(), "the master playlist plays");
        assertTrue(playlist.body().startsWith("#EXTM3U"));
    }

    @Test
    void anUnlistedVideoIsAddressedToItsFollowersWithPublicInCc() {
        JsonNode video = activity("/videos/watch/" + unlistedUuid, LD_JSON);
        assertEquals("https://www.w3.org/ns/activitystreams#Public", video.path("cc").path(0).asText());
        assertEquals(BASE + "/accounts/" + owner + "/followers", video.path("to").path(0).asText());
    }

    @Test
    void aPrivateVideoIsNotFoundForActivityPub() {
        assertProblem(API.send("GET", "/videos/watch/" + privateUuid, null, ACTIVITY_JSON, null), 404);
    }

    @Test
    void aBrowserStillGetsTheWatchPage() {
        Api.Reply page = API.send("GET", "/videos/watch/" + publicUuid, null, BROWSER, null);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
    }

    @Test
    void anAccountsOutboxListsACreatePerPublicVideo() {
        JsonNode outbox = activity("/accounts/" + owner + "/outbox", ACTIVITY_JSON);
        assertEquals("OrderedCollection", outbox.path("type").asText());
        assertEquals(1, outbox.path("totalItems").asLong(), "the public video only");
        assertEquals(BASE + "/accounts/" + owner + "/outbox?page=1", outbox.path("first").asText());
        JsonNode page = activity("/accounts/" + owner + "/outbox?page=1", ACTIVITY_JSON);
        assertEquals("OrderedCollectionPage", page.path("type").asText());
        JsonNode create = page.path("orderedItems").path(0);
        assertEquals("Create", create.path("type").asText());
        assertEquals(BASE + "/accounts/" + owner, create.path("actor").asText());
        assertEquals("Video", create.path("object").path("type").asText());
        assertEquals(publicUuid, create.path("object").path("uuid").asText());
    }

    @Test
    void theInstanceActorsOutboxAnnouncesEachPublicVideoByItsUrl() {
        JsonNode outbox = activity("/accounts/peertube/outbox", ACTIVITY_JSON);
        assertTrue(outbox.path("totalItems").asLong() >= 1);
        List<String> announced = new ArrayList<>();
        for (int page = 1; page <= (outbox.path("totalItems").asLong() + 9) / 10; page++) {
            for (JsonNode item : activity("/accounts/peertube/outbox?page=" + page, ACTIVITY_JSON).path("orderedItems")) {
                assertEquals("Announce", item.path("type").asText());
                assertEquals(BASE + "/accounts/peertube", item.path("actor").asText());
                announced.add(item.path("object").asText());
            }
        }
        assertTrue(announced.contains(BASE + "/videos/watch/" + publicUuid), announced::toString);
        assertFalse(announced.contains(BASE + "/videos/watch/" + unlistedUuid), "an unlisted video is not announced");
    }

    @Test
    void aChannelsFollowersAreItsSubscribers() {
        String follower = Fresh.name("fan");
        String token = API.newUser(follower, "secret-password");
        Api.Reply subscribed = API.postJson("/api/v1/users/me/subscriptions", token, Map.of("uri", owner + "_channel@" + HOST));
        assertTrue(subscribed.status() < 300, subscribed::toString);
        JsonNode followers = activity("/video-channels/" + owner + "_channel/followers", ACTIVITY_JSON);
        assertEquals(1, followers.path("totalItems").asLong(), followers::toString);
        JsonNode page = activity("/video-channels/" + owner + "_channel/followers?page=1", ACTIVITY_JSON);
        assertEquals(BASE + "/accounts/" + follower, page.path("orderedItems").path(0).asText());
        JsonNode following = activity("/accounts/" + follower + "/following", ACTIVITY_JSON);
        assertEquals(1, following.path("totalItems").asLong());
    }

    @Test
    void aVideosLikesAreACollectionOfTheLikesUrls() {
        String fan = Fresh.name("liker");
        String token = API.newUser(fan, "secret-password");
        Api.Reply liked = API.putJson("/api/v1/videos/" + publicUuid + "/rate", token, Map.of("rating", "like"));
        assertEquals(204, liked.status(), liked::toString);
        String id = BASE + "/videos/watch/" + publicUuid + "/likes";
        assertEquals(id, activity("/videos/watch/" + publicUuid, ACTIVITY_JSON).path("likes").asText());
        JsonNode likes = activity("/videos/watch/" + publicUuid + "/likes", ACTIVITY_JSON);
        assertEquals(1, likes.path("totalItems").asLong(), likes::toString);
        JsonNode page = activity("/videos/watch/" + publicUuid + "/likes?page=1", ACTIVITY_JSON);
        assertTrue(page.path("orderedItems").path(0).asText().startsWith(BASE + "/accounts/" + fan + "/likes/"), page::toString);
        assertEquals(0, activity("/videos/watch/" + publicUuid + "/dislikes", ACTIVITY_JSON).path("totalItems").asLong());
    }

    @Test
    void anEmptyCollectionHasNoFirstPage() {
        JsonNode followers = activity("/accounts/" + owner + "/followers", ACTIVITY_JSON);
        assertEquals(0, followers.path("totalItems").asLong());
        assertTrue(followers.path("first").isMissingNode(), followers::toString);
    }

    @Test
    void aNodeConfiguredWithAnotherPublicUrlRefusesToStart() throws Exception {
        KinemaNode shared = KinemaServer.node();
        int port = Integer.parseInt(HOST.substring(HOST.indexOf(':') + 1)) + 40;
        Path dir = Path.of(System.getProperty("kinema.it.dir", "target/it")).resolve("fed-elsewhere").toAbsolutePath();
        Folders.delete(dir);
        NodeSettings elsewhere = NodeSettings.builder()
                .wildflyHome(Path.of(System.getProperty("kinema.wildfly.home")))
                .ear(Path.of(System.getProperty("kinema.ear")))
                .instanceDir(dir)
                .nodeName("it-fed-elsewhere")
                .consoleToFile(true)
                .setting("KINEMA_HTTP_PORT", String.valueOf(port))
                .setting("KINEMA_PUBLIC_URL", "http://localhost:" + port)
                .setting("KINEMA_DB_URL", shared.jdbcUrl())
                .setting("KINEMA_DB_USER", shared.jdbcUser())
                .setting("KINEMA_DB_PASSWORD", shared.jdbcPassword())
                .build();
        IOException refused = assertThrows(IOException.class, () -> KinemaNode.start(elsewhere).close());
        assertTrue(refused.getMessage().contains("KINEMA_PUBLIC_URL=" + BASE), refused::getMessage);
    }

    private static JsonNode webFinger(String resource) {
        Api.Reply reply = API.get("/.well-known/webfinger?resource=" + encode(resource), null);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static String self(JsonNode webFinger) {
        for (JsonNode link : webFinger.path("links")) {
            if ("self".equals(link.path("rel").asText())) {
                assertEquals("application/activity+json", link.path("type").asText());
                return link.path("href").asText();
            }
        }
        throw new AssertionError("no self link in " + webFinger);
    }

    private static JsonNode activity(String path, Map<String, String> accept) {
        Api.Reply reply = API.send("GET", path, null, accept, null);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").startsWith("application/activity+json"), reply.header("Content-Type"));
        return reply.json();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
