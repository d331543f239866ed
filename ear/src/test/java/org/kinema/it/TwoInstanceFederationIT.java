package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinema.launcher.Folders;
import org.kinema.launcher.KinemaNode;
import org.kinema.launcher.NodeSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Eventually.await;

/**
 * Two Kinema instances federating on one machine, each with its own port, database and media: A
 * (the shared test node) follows B (a second node started here); B's videos appear on A and play
 * from B, and B's edits follow them; comments, likes and views made on A reach B, B's reply comes back to A's thread and A's
 * answer to it goes to B; a deletion on B reaches A; a delivery to B while it is down arrives once
 * it is back; a subscription on A to B's channel feeds A's subscriber.
 */
@ExtendWith(KinemaServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstanceFederationIT {

    private static final Api A = KinemaServer.api();
    static final int B_PORT = Integer.getInteger("kinema.it.port", 19100) + 50;
    /** Another host name than A's (localhost), as two instances have. */
    private static final String B_HOST = "127.0.0.1:" + B_PORT;
    private static final String B_URL = "http://" + B_HOST;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KinemaNode nodeB;
    private static Api b;
    private static String rootA;
    private static String rootB;
    private static Path clip;
    /** Published on B before A follows it, and on B after. */
    private static String earlier;
    private static String later;

    @BeforeAll
    static void startB() throws Exception {
        Path dir = Path.of(System.getProperty("kinema.it.dir", "target/it")).resolve("instance-b").toAbsolutePath();
        Folders.delete(dir);
        nodeB = KinemaNode.start(NodeSettings.builder()
                .wildflyHome(Path.of(System.getProperty("kinema.wildfly.home")))
                .ear(Path.of(System.getProperty("kinema.ear")))
                .instanceDir(dir)
                .nodeName("it-instance-b")
                .consoleToFile(true)
                .setting("KINEMA_HTTP_PORT", String.valueOf(B_PORT))
                .setting("KINEMA_PUBLIC_URL", B_URL)
                .setting("KINEMA_ADMIN_PASSWORD", KinemaServer.ROOT_PASSWORD)
                .setting("KINEMA_ADMIN_EMAIL", "root@b.kinema.test")
                .setting("KINEMA_MEDIA_DIR", dir.resolve("media").toString())
                .setting("KINEMA_RATE_LIMIT_EXEMPT", "127.0.0.1, ::1")
                .setting("KINEMA_FEDERATION_ALLOW_PRIVATE", "true")
                .build());
        b = new Api(B_URL);
        rootA = A.rootToken(KinemaServer.ROOT_PASSWORD);
        rootB = b.rootToken(KinemaServer.ROOT_PASSWORD);
        clip = Media.clip(Path.of("target", "media", "clip-2s-240p.mp4"), 2, 320, 240);
    }

    @AfterAll
    static void stopB() throws Exception {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    @Order(1)
    void anInstanceFollowsAnotherAndSeesTheVideosItHadAlreadyPublished() throws Exception {
        earlier = published(b, rootB, "Published before the follow");
        assertEquals(204, A.postJson("/api/v1/server/following", rootA, Map.of("hosts", List.of(B_HOST))).status());

        JsonNode following = await("A's follow of B accepted", () -> A.get("/api/v1/server/following", rootA).json(),
                list -> "accepted".equals(list.path("data").path(0).path("state").asText()));
        assertEquals(B_HOST, following.path("data").path(0).path("following").path("host").asText());
        JsonNode onA = await("the earlier video on A", () -> A.get("/api/v1/videos/" + earlier, null).json(),
                video -> video.path("uuid").asText().equals(earlier));
        assertFalse(onA.path("isLocal").asBoolean(true), onA::toString);
        JsonNode followers = b.get("/api/v1/server/followers", rootB).json();
        assertEquals(URI.create(A.baseUrl()).getAuthority(), followers.path("data").path(0).path("follower").path("host").asText(),
                followers::toString);
    }

    @Test
    @Order(2)
    void aVideoPublishedOnTheFollowedInstanceIsListedOnTheFollowerAndPlaysFromItsOrigin() throws Exception {
        later = published(b, rootB, "Published after the follow");
        JsonNode onA = await("the new video on A", () -> A.get("/api/v1/videos/" + later, null).json(),
                video -> video.path("uuid").asText().equals(later));
        assertFalse(onA.path("isLocal").asBoolean(true));
        assertEquals(B_URL + "/videos/watch/" + later, onA.path("url").asText());
        String playlist = onA.path("streamingPlaylists").path(0).path("playlistUrl").asText();
        assertTrue(playlist.startsWith(B_URL + "/static/streaming-playlists/hls/" + later + "/"), playlist);
        HttpResponse<String> master = HTTP.send(HttpRequest.newBuilder(URI.create(playlist)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, master.statusCode());
        assertTrue(master.body().startsWith("#EXTM3U"), master.body());
        JsonNode remoteOnly = A.get("/api/v1/videos?isLocal=false&count=100", null).json();
        assertTrue(remoteOnly.path("data").findValuesAsText("uuid").contains(later), remoteOnly::toString);

        assertEquals(204, b.putJson("/api/v1/videos/" + later, rootB, Map.of("name", "Renamed at the origin")).status());
        await("B's edit on A", () -> A.get("/api/v1/videos/" + later, null).json(),
                video -> video.path("name").asText().equals("Renamed at the origin"));
    }

    @Test
    @Order(3)
    void aThreadStartedOnTheFollowerReachesTheOriginAndTheOriginsReplyComesBack() throws Exception {
        String commenter = A.newUser(Fresh.name("commenter"), "commenter-password");
        assertEquals(200, A.postJson("/api/v1/videos/" + later + "/comment-threads", commenter,
                Map.of("text", "Seen from the other instance")).status());
        JsonNode onB = await("the comment on B", () -> b.get("/api/v1/videos/" + later + "/comment-threads", null).json(),
                threads -> hasComment(threads, "Seen from the other instance"));
        long thread = onB.path("data").path(0).path("id").asLong();
        assertEquals(200, b.postJson("/api/v1/videos/" + later + "/comments/" + thread, rootB,
                Map.of("text", "Answered at the origin")).status());
        JsonNode onA = await("B's reply in A's thread", () -> A.get("/api/v1/videos/" + later + "/comment-threads", null).json(),
                threads -> threads.path("data").path(0).path("totalReplies").asInt() == 1);

        long threadOnA = onA.path("data").path(0).path("id").asLong();
        JsonNode tree = A.get("/api/v1/videos/" + later + "/comment-threads/" + threadOnA, null).json();
        long answerOnA = tree.path("children").path(0).path("comment").path("id").asLong();
        assertEquals(200, A.postJson("/api/v1/videos/" + later + "/comments/" + answerOnA, commenter,
                Map.of("text", "And answered back from the follower")).status());
        JsonNode treeOnB = await("A's answer to B's reply, on B", () -> b.get("/api/v1/videos/" + later + "/comment-threads/" + thread, null).json(),
                threadTree -> threadTree.path("children").path(0).path("children").path(0).path("comment").path("text").asText()
                        .contains("And answered back from the follower"));
        assertEquals(2, b.get("/api/v1/videos/" + later + "/comment-threads", null).json().path("data").path(0).path("totalReplies").asInt(),
                treeOnB::toString);
    }

    @Test
    @Order(4)
    void aLikeMadeOnTheFollowerIsCountedAtTheOrigin() throws Exception {
        String fan = A.newUser(Fresh.name("fan"), "fan-password");
        assertEquals(204, A.putJson("/api/v1/videos/" + later + "/rate", fan, Map.of("rating", "like")).status());
        await("the like counted on B", () -> b.get("/api/v1/videos/" + later, null).json(),
                video -> video.path("likes").asInt() == 1);
    }

    @Test
    @Order(5)
    void viewsMadeOnTheFollowerAreCountedAtTheOrigin() throws Exception {
        for (String viewer : List.of("viewer_one", "viewer_two", "viewer_three")) {
            String token = A.newUser(Fresh.name(viewer), viewer + "-password");
            assertEquals(204, A.postJson("/api/v1/videos/" + later + "/views", token, Map.of("currentTime", 1)).status());
        }
        await("three views counted on B", () -> b.get("/api/v1/videos/" + later, null).json(),
                video -> video.path("views").asInt() == 3);
    }

    @Test
    @Order(6)
    void aDeletionAtTheOriginRemovesTheVideoOnTheFollower() throws Exception {
        assertEquals(204, b.delete("/api/v1/videos/" + earlier, rootB).status());
        await("the earlier video gone from A", () -> A.get("/api/v1/videos/" + earlier, null).raw(),
                reply -> reply.statusCode() == 404);
    }

    @Test
    @Order(7)
    void aDeliveryToAStoppedInstanceArrivesAfterItReturns() throws Exception {
        nodeB.killServer();
        String commenter = A.newUser(Fresh.name("patient"), "patient-password");
        assertEquals(200, A.postJson("/api/v1/videos/" + later + "/comment-threads", commenter,
                Map.of("text", "Written while B was down")).status());
        Thread.sleep(5000); // B stays down a while: the first delivery fails and waits its back-off
        nodeB.restartServer();
        Instant back = Instant.now();
        await("the comment on B after its return", () -> b.get("/api/v1/videos/" + later + "/comment-threads", null).json(),
                threads -> hasComment(threads, "Written while B was down"));
        assertTrue(Duration.between(back, Instant.now()).toSeconds() <= 95, "delivered within the back-off after B returned");
    }

    @Test
    @Order(8)
    void aSubscriptionToARemoteChannelBringsItsNewVideoIntoTheSubscribersFeed() throws Exception {
        String subscriber = A.newUser(Fresh.name("subscriber"), "subscriber-password");
        assertEquals(204, A.postJson("/api/v1/users/me/subscriptions", subscriber,
                Map.of("uri", "root_channel@" + B_HOST)).status());
        String newest = published(b, rootB, "For the subscribers");
        await("the new video in the subscriber's feed", () -> A.get("/api/v1/users/me/subscriptions/videos", subscriber).json(),
                feed -> feed.path("data").findValuesAsText("uuid").contains(newest));
    }

    @Test
    @Order(9)
    void aSearchForAnotherInstancesUrlOrHandleFetchesWhatThisOneDidNotKnow() throws Exception {
        String unlisted = Videos.uploaded(b, rootB, clip, Map.of("name", "Never announced", "privacy", "2"));
        Videos.awaitPublished(b, rootB, unlisted);
        assertEquals(200, b.postJson("/api/v1/video-channels", rootB, Map.of("name", "seminars_b", "displayName", "Seminars")).status());
        String videoUrl = B_URL + "/videos/watch/" + unlisted;

        JsonNode anonymous = A.get("/api/v1/search/videos?search=" + encode(videoUrl), null).json();
        assertEquals(0, anonymous.path("total").asInt(), "an anonymous search fetches nothing: " + anonymous);

        String searcher = A.newUser(Fresh.name("searcher"), "searcher-password");
        JsonNode videos = A.get("/api/v1/search/videos?search=" + encode(videoUrl), searcher).json();
        assertEquals(1, videos.path("total").asInt(), videos::toString);
        assertEquals(unlisted, videos.path("data").path(0).path("uuid").asText());
        assertFalse(videos.path("data").path(0).path("isLocal").asBoolean(true));

        JsonNode channels = A.get("/api/v1/search/video-channels?search=" + encode("seminars_b@" + B_HOST), searcher).json();
        assertEquals(1, channels.path("total").asInt(), channels::toString);
        assertEquals("seminars_b", channels.path("data").path(0).path("name").asText());
        assertEquals(B_HOST, channels.path("data").path(0).path("host").asText());
    }

    @Test
    @Order(10)
    void aVideoAnnouncedWhileItEncodesPlaysOnTheFollowerAndGetsItsFilesWhenItsLadderCompletes() throws Exception {
        Path minute = Media.clip(Path.of("target", "media", "clip-60s-480p.mp4"), 60, 854, 480);
        String uuid = Videos.uploaded(b, rootB, minute, Map.of("name", "Announced while it encodes", "privacy", "1"));
        JsonNode early = await("the encoding video on A", () -> A.get("/api/v1/videos/" + uuid, null).json(),
                video -> video.path("uuid").asText().equals(uuid));
        JsonNode hls = early.path("streamingPlaylists").path(0);
        assertEquals(0, hls.path("files").size(), "A heard of it while B encoded it: no file yet, the playlist alone: " + early);
        assertTrue(hls.path("playlistUrl").asText().startsWith(B_URL + "/static/streaming-playlists/hls/" + uuid + "/"),
                early::toString);
        assertTrue(hls.path("segmentsSha256Url").asText().startsWith(B_URL), early::toString);
        HttpResponse<String> master = HTTP.send(HttpRequest.newBuilder(URI.create(hls.path("playlistUrl").asText())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, master.statusCode());

        Videos.awaitPublished(b, rootB, uuid);
        JsonNode complete = await("the Update of the complete ladder on A", () -> A.get("/api/v1/videos/" + uuid, null).json(),
                video -> video.path("streamingPlaylists").path(0).path("files").size() == 4);
        assertEquals(hls.path("playlistUrl").asText(), complete.path("streamingPlaylists").path(0).path("playlistUrl").asText());
        assertEquals(Videos.PUBLISHED, complete.path("state").path("id").asInt(), complete::toString);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether a page of threads holds a comment with this text (shown as HTML). */
    private static boolean hasComment(JsonNode threads, String text) {
        return threads.path("data").findValuesAsText("text").stream().anyMatch(shown -> shown.contains(text));
    }

    private static String published(Api api, String token, String name) throws Exception {
        String uuid = Videos.uploaded(api, token, clip, Map.of("name", name, "privacy", "1"));
        Videos.awaitPublished(api, token, uuid);
        return uuid;
    }
}
