package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.kinema.it.PrivacyVideos.PASSWORD;
import static org.kinema.it.PrivacyVideos.PASSWORD_PROTECTED;
import static org.kinema.it.PrivacyVideos.PUBLIC;
import static org.kinema.it.Problems.assertProblem;

/** Password-protected videos (PeerTube's privacy 5): open with a password, listed nowhere, managed by their owner. */
@ExtendWith(KinemaServer.class)
class VideoPasswordIT {

    private static final Api API = KinemaServer.api();
    private static PrivacyVideos videos;
    private static String stranger;

    @BeforeAll
    static void videosOfEachPrivacy() throws Exception {
        videos = PrivacyVideos.shared(API);
        stranger = API.newUser(Fresh.name("strg"), "secret-password");
    }

    @Test
    void detailsOpenWithThePasswordAndOnlyWithIt() {
        String path = "/api/v1/videos/" + videos.uuid(PASSWORD_PROTECTED);
        assertProblem(API.get(path, null), 403, "video_requires_password");
        assertProblem(API.get(path, stranger), 403, "video_requires_password");
        assertProblem(withPassword("GET", path, null, "wrong"), 403, "incorrect_video_password");
        JsonNode video = withPassword("GET", path, null, PASSWORD).json();
        assertEquals(5, video.path("privacy").path("id").asInt());
        assertEquals("Password protected", video.path("privacy").path("label").asText());
        assertEquals(200, API.get(path, videos.ownerToken).status());
    }

    @Test
    void filesOpenWithAFileTokenGivenForThePassword() {
        JsonNode video = API.get("/api/v1/videos/" + videos.uuid(PASSWORD_PROTECTED), videos.ownerToken).json();
        String master = video.path("streamingPlaylists").path(0).path("playlistUrl").asText().substring(API.baseUrl().length());
        assertEquals(401, API.get(master, null).status());
        assertEquals(403, API.get(master, stranger).status());
        String tokenPath = "/api/v1/videos/" + videos.uuid(PASSWORD_PROTECTED) + "/token";
        assertProblem(withPassword("POST", tokenPath, null, "wrong"), 403, "incorrect_video_password");
        assertProblem(API.postJson(tokenPath, stranger, Map.of()), 403, "video_requires_password");
        Api.Reply token = withPassword("POST", tokenPath, null, PASSWORD);
        assertEquals(200, token.status(), token::toString);
        assertEquals(200, API.get(master + "?videoFileToken=" + token.json().path("files").path("token").asText(), null).status());
        assertProblem(API.postJson("/api/v1/videos/" + videos.uuid(PUBLIC) + "/token", null, Map.of()), 401);
    }

    @Test
    void commentsOpenWithThePasswordAndOnlyWithIt() {
        String threads = "/api/v1/videos/" + videos.uuid(PASSWORD_PROTECTED) + "/comment-threads";
        assertProblem(API.get(threads, stranger), 403, "video_requires_password");
        assertProblem(API.postJson(threads, stranger, Map.of("text", "Let me in")), 403, "video_requires_password");
        Api.Reply posted = API.send("POST", threads, stranger, Map.of("x-peertube-video-password", PASSWORD,
                "Content-Type", "application/json"), "{\"text\":\"Thanks for the lecture\"}".getBytes());
        assertEquals(200, posted.status(), posted::toString);
        JsonNode list = withPassword("GET", threads, null, PASSWORD).json();
        assertEquals(1, list.path("total").asInt(), list::toString);
        assertProblem(API.get("/feeds/video-comments.xml?videoId=" + videos.uuid(PASSWORD_PROTECTED), null), 403);
    }

    @Test
    void passwordProtectedVideosAreListedNowhere() {
        String uuid = videos.uuid(PASSWORD_PROTECTED);
        assertFalse(uuids(API.get("/api/v1/videos?count=100", stranger).json()).contains(uuid));
        assertFalse(uuids(API.get("/api/v1/accounts/" + videos.ownerName + "/videos?count=100", stranger).json()).contains(uuid));
        assertFalse(uuids(API.get("/api/v1/video-channels/" + videos.ownerName + "_channel/videos?count=100", null).json())
                .contains(uuid));
        assertEquals("Password protected", API.get("/api/v1/videos/privacies", null).json().path("5").asText());
    }

    @Test
    void theOwnerReadsReplacesAndRemovesPasswordsButNeverTheLast() throws Exception {
        String uuid = PrivacyVideos.upload(API, videos.ownerToken, PASSWORD_PROTECTED, "Passwords changed");
        String path = "/api/v1/videos/" + uuid + "/passwords";
        JsonNode first = API.get(path, videos.ownerToken).json();
        assertEquals(1, first.path("total").asInt(), first::toString);
        assertEquals(PASSWORD, first.path("data").path(0).path("password").asText());
        assertProblem(API.get(path, stranger), 403);
        assertProblem(API.putJson(path, stranger, Map.of("passwords", List.of("mine-now"))), 403);

        assertEquals(204, API.putJson(path, videos.ownerToken, Map.of("passwords", List.of("first-one", "second-one"))).status());
        JsonNode two = API.get(path + "?sort=createdAt", videos.ownerToken).json();
        assertEquals(2, two.path("total").asInt());
        Videos.awaitPublished(API, videos.ownerToken, uuid);
        assertProblem(withPassword("GET", "/api/v1/videos/" + uuid, null, PASSWORD), 403, "incorrect_video_password");
        assertEquals(200, withPassword("GET", "/api/v1/videos/" + uuid, null, "second-one").status());

        assertEquals(204, API.delete(path + "/" + two.path("data").path(0).path("id").asLong(), videos.ownerToken).status());
        long last = API.get(path, videos.ownerToken).json().path("data").path(0).path("id").asLong();
        assertProblem(API.delete(path + "/" + last, videos.ownerToken), 403);
        assertProblem(API.delete(path + "/999999999", videos.ownerToken), 404);
        assertProblem(API.delete(path + "/x", videos.ownerToken), 400);
        assertProblem(API.putJson(path, videos.ownerToken, Map.of("passwords", List.of("same", "same"))), 400);
        assertProblem(API.putJson(path, videos.ownerToken, Map.of("passwords", List.of("x"))), 400);
        assertProblem(API.putJson(path, videos.ownerToken, Map.of("passwords", List.of())), 400);
    }

    @Test
    void aVideoBecomesProtectedOnlyWithAPasswordAndLosesThemWhenItIsNoLonger() throws Exception {
        String uuid = PrivacyVideos.upload(API, videos.ownerToken, PUBLIC, "Protected later");
        String path = "/api/v1/videos/" + uuid;
        assertProblem(API.get(path + "/passwords", videos.ownerToken), 400);
        assertProblem(API.putJson(path, videos.ownerToken, Map.of("privacy", PASSWORD_PROTECTED)), 400);
        assertEquals(204, API.putJson(path, videos.ownerToken, Map.of("privacy", PASSWORD_PROTECTED,
                "videoPasswords", List.of("late-password"))).status());
        assertEquals("late-password", API.get(path + "/passwords", videos.ownerToken).json().path("data").path(0)
                .path("password").asText());
        assertEquals(204, API.putJson(path, videos.ownerToken, Map.of("privacy", PUBLIC)).status());
        assertProblem(API.get(path + "/passwords", videos.ownerToken), 400);
    }

    @Test
    void anUploadOfAProtectedVideoNeedsAPassword() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-3s-144p.mp4"), 3, 256, 144);
        assertProblem(Videos.upload(API, videos.ownerToken, clip, Map.of("privacy", "5")), 400);
        assertProblem(Videos.upload(API, videos.ownerToken, clip, Map.of("privacy", "5", "videoPasswords[0]", "a")), 400);
        Api.Reply begun = API.send("POST", "/api/v1/videos/upload-resumable", videos.ownerToken, Map.of(
                "Content-Type", "application/json", "X-Upload-Content-Length", "1000"), ("{\"name\":\"Resumable protected\","
                + "\"channelId\":" + Videos.channelOf(API, videos.ownerToken) + ",\"privacy\":5}").getBytes());
        assertProblem(begun, 400);
    }

    private static Api.Reply withPassword(String method, String path, String token, String password) {
        return API.send(method, path, token, Map.of("x-peertube-video-password", password), null);
    }

    private static Set<String> uuids(JsonNode page) {
        Set<String> uuids = new HashSet<>();
        page.path("data").forEach(video -> uuids.add(video.path("uuid").asText()));
        return uuids;
    }
}
