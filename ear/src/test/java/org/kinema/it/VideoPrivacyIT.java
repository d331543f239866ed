package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/**
 * PeerTube's privacy rules: public videos are listed; unlisted ones only reached by their link;
 * private ones only by their owner; internal ones only by people logged in here — and the same
 * holds for their files.
 */
@ExtendWith(KinemaServer.class)
class VideoPrivacyIT {

    private static final Api API = KinemaServer.api();
    private static String owner;
    private static String stranger;
    private static String ownerName;
    private static final Map<Integer, JsonNode> VIDEOS = new java.util.HashMap<>();

    @BeforeAll
    static void uploadOneVideoOfEachPrivacy() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-3s-144p.mp4"), 3, 256, 144);
        ownerName = Fresh.name("priv");
        owner = API.newUser(ownerName, "secret-password");
        stranger = API.newUser(Fresh.name("strg"), "secret-password");
        Map<Integer, String> uuids = new java.util.HashMap<>();
        for (int privacy = 1; privacy <= 4; privacy++) {
            uuids.put(privacy, Videos.uploaded(API, owner, clip, Map.of("privacy", String.valueOf(privacy),
                    "name", "Privacy " + privacy)));
        }
        for (Map.Entry<Integer, String> video : uuids.entrySet()) {
            JsonNode published = Videos.awaitPublished(API, owner, video.getValue());
            VIDEOS.put(video.getKey(), published);
        }
    }

    @Test
    void onlyPublicVideosAreListed() {
        for (String token : new String[] {null, stranger, owner}) {
            Set<String> listed = uuids(API.get("/api/v1/videos?count=100&sort=-publishedAt", token).json());
            assertTrue(listed.contains(uuid(1)), "public is listed");
            assertFalse(listed.contains(uuid(2)), "unlisted is not");
            assertFalse(listed.contains(uuid(3)), "private is not");
            assertFalse(listed.contains(uuid(4)), "internal is not");
        }
        Set<String> ofAccount = uuids(API.get("/api/v1/accounts/" + ownerName + "/videos", null).json());
        assertEquals(Set.of(uuid(1)), ofAccount);
        Set<String> ofChannel = uuids(API.get("/api/v1/video-channels/" + ownerName + "_channel/videos", stranger).json());
        assertEquals(Set.of(uuid(1)), ofChannel);
    }

    @Test
    void ownerSeesAllOwnVideos() {
        assertEquals(Set.of(uuid(1), uuid(2), uuid(3), uuid(4)), uuids(API.get("/api/v1/users/me/videos", owner).json()));
    }

    @Test
    void administratorsMayListByPrivacy() {
        assertTrue(uuids(API.get("/api/v1/videos?privacyOneOf=3&count=100", API.rootToken()).json()).contains(uuid(3)));
        assertProblem(API.get("/api/v1/videos?privacyOneOf=3", stranger), 403);
    }

    @Test
    void unlistedIsReachedByItsLink() {
        assertEquals(200, API.get("/api/v1/videos/" + uuid(2), null).status());
        assertEquals(200, status(master(2), null));
    }

    @Test
    void privateIsForItsOwnerOnly() {
        assertProblem(API.get("/api/v1/videos/" + uuid(3), null), 401);
        assertProblem(API.get("/api/v1/videos/" + uuid(3), stranger), 403);
        assertEquals(200, API.get("/api/v1/videos/" + uuid(3), owner).status());

        assertEquals(401, status(master(3), null));
        assertEquals(403, status(master(3), stranger));
        assertEquals(200, status(master(3), owner));
        assertEquals(401, status(VIDEOS.get(3).path("thumbnailPath").asText(), null));
        assertEquals(401, status(VIDEOS.get(3).path("files").path(0).path("torrentUrl").asText(), null));
        assertEquals(401, status(VIDEOS.get(3).path("files").path(0).path("fileUrl").asText(), null));
    }

    @Test
    void privateFilesOpenWithTheOwnersFileToken() {
        Api.Reply token = API.postJson("/api/v1/videos/" + uuid(3) + "/token", owner, Map.of());
        assertEquals(200, token.status(), token::toString);
        String fileToken = token.json().path("files").path("token").asText();
        assertEquals(200, status(master(3) + "?videoFileToken=" + fileToken, null));
        assertEquals(401, status(master(3) + "?videoFileToken=" + fileToken + "x", null));
        assertEquals(401, status(master(1).replace(uuid(1), uuid(3)) + "?videoFileToken=" + forged(fileToken), null));
        assertProblem(API.postJson("/api/v1/videos/" + uuid(3) + "/token", stranger, Map.of()), 403);
    }

    @Test
    void internalIsForAnyoneLoggedIn() {
        assertProblem(API.get("/api/v1/videos/" + uuid(4), null), 401);
        assertEquals(200, API.get("/api/v1/videos/" + uuid(4), stranger).status());
        assertEquals(401, status(master(4), null));
        assertEquals(200, status(master(4), stranger));
    }

    @Test
    void ownerRenamesAVideoAndOthersMayNot() {
        Api.Reply renamed = API.putJson("/api/v1/videos/" + uuid(1), owner, Map.of("name", "Renamed lecture", "tags", java.util.List.of("physics")));
        assertEquals(204, renamed.status(), renamed::toString);
        JsonNode video = API.get("/api/v1/videos/" + uuid(1), null).json();
        assertEquals("Renamed lecture", video.path("name").asText());
        assertEquals("physics", video.path("tags").path(0).asText());
        assertProblem(API.putJson("/api/v1/videos/" + uuid(1), stranger, Map.of("name", "Not mine")), 403);
        assertProblem(API.putJson("/api/v1/videos/" + uuid(1), owner, Map.of("name", "x")), 400);
    }

    @Test
    void viewerIsCountedOncePerHourAndShowsWithinSeconds() throws Exception {
        long before = API.get("/api/v1/videos/" + uuid(2), null).json().path("views").asLong();
        assertEquals(204, API.postJson("/api/v1/videos/" + uuid(2) + "/views", null, Map.of()).status());
        assertEquals(204, API.postJson("/api/v1/videos/" + uuid(2) + "/views", null, Map.of()).status());
        assertEquals(before + 1, viewsOnceFolded(2), "the same viewer twice");
        assertEquals(204, API.postJson("/api/v1/videos/" + uuid(2) + "/views", stranger, Map.of()).status());
        assertEquals(before + 2, viewsOnceFolded(2), "another viewer");
        assertProblem(API.postJson("/api/v1/videos/" + uuid(3) + "/views", null, Map.of()), 401);
    }

    /**
     * The video's views once every view recorded so far is added to it (they are added every few
     * seconds); waits a bounded while.
     */
    private static long viewsOnceFolded(int privacy) throws Exception {
        long id = VIDEOS.get(privacy).path("id").asLong();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        try (Connection db = KinemaServer.database();
             PreparedStatement waiting = db.prepareStatement("SELECT count(*) FROM kinema.video_view_pending WHERE video_id = ?")) {
            waiting.setLong(1, id);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet count = waiting.executeQuery()) {
                    count.next();
                    if (count.getLong(1) == 0) {
                        return API.get("/api/v1/videos/" + uuid(privacy), null).json().path("views").asLong();
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("Views of video " + id + " still waiting to be counted after 30 s");
    }

    private static String forged(String token) {
        return (Long.parseLong(token.substring(0, token.indexOf('.'))) + 1000) + token.substring(token.indexOf('.'));
    }

    private static String uuid(int privacy) {
        return VIDEOS.get(privacy).path("uuid").asText();
    }

    private static String master(int privacy) {
        return VIDEOS.get(privacy).path("streamingPlaylists").path(0).path("playlistUrl").asText();
    }

    private static int status(String url, String token) {
        String path = url.startsWith("http") ? url.substring(API.baseUrl().length()) : url;
        return API.get(path, token).status();
    }

    private static Set<String> uuids(JsonNode page) {
        Set<String> uuids = new HashSet<>();
        page.path("data").forEach(video -> uuids.add(video.path("uuid").asText()));
        return uuids;
    }
}
