package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.PrivacyVideos.INTERNAL;
import static org.kinema.it.PrivacyVideos.PRIVATE;
import static org.kinema.it.PrivacyVideos.PUBLIC;
import static org.kinema.it.PrivacyVideos.UNLISTED;
import static org.kinema.it.Problems.assertProblem;

/** Watch history and resume: where a logged-in viewer stopped, their history, kept only while they want it. */
@ExtendWith(KinemaServer.class)
class HistoryIT {

    private static final Api API = KinemaServer.api();
    private static PrivacyVideos videos;

    @BeforeAll
    static void videosOfEachPrivacy() throws Exception {
        videos = PrivacyVideos.shared(API);
    }

    @Test
    void aVideoTellsTheViewerWhereTheyStopped() {
        String viewer = API.newUser(Fresh.name("resume"), "secret-password");
        String path = "/api/v1/videos/" + videos.uuid(PUBLIC);
        assertTrue(API.get(path, viewer).json().path("userHistory").isMissingNode(), "nothing watched yet");
        assertEquals(204, API.putJson(path + "/watching", viewer, Map.of("currentTime", 12)).status());
        assertEquals(12, API.get(path, viewer).json().path("userHistory").path("currentTime").asInt());
        assertEquals(204, API.postJson(path + "/views", viewer, Map.of("currentTime", 2)).status());
        assertEquals(2, API.get(path, viewer).json().path("userHistory").path("currentTime").asInt());
        assertTrue(API.get(path, null).json().path("userHistory").isMissingNode(), "an anonymous viewer has no history");
        assertEquals(204, API.postJson(path + "/views", null, Map.of("currentTime", 2)).status());
    }

    @Test
    void theHistoryListsLastWatchedFirstAndFindsByName() {
        String viewer = API.newUser(Fresh.name("hist"), "secret-password");
        watch(viewer, PUBLIC, 5);
        watch(viewer, UNLISTED, 7);
        JsonNode all = API.get("/api/v1/users/me/history/videos", viewer).json();
        assertEquals(List.of(videos.uuid(UNLISTED), videos.uuid(PUBLIC)), uuids(all));
        assertEquals(2, all.path("total").asInt());
        assertEquals(7, all.path("data").path(0).path("userHistory").path("currentTime").asInt());
        JsonNode found = API.get("/api/v1/users/me/history/videos?search=privacy%201", viewer).json();
        assertEquals(List.of(videos.uuid(PUBLIC)), uuids(found));
        assertEquals(List.of(videos.uuid(UNLISTED)), uuids(API.get("/api/v1/users/me/history/videos?count=1", viewer).json()));
        assertProblem(API.get("/api/v1/users/me/history/videos", null), 401);
        assertProblem(API.get("/api/v1/users/me/history/videos?count=0", viewer), 400);
    }

    @Test
    void theHistoryIsKeptOnlyWhileTheUserWantsOne() {
        String viewer = API.newUser(Fresh.name("nohist"), "secret-password");
        assertTrue(API.get("/api/v1/users/me", viewer).json().path("videosHistoryEnabled").asBoolean());
        assertEquals(204, API.putJson("/api/v1/users/me", viewer, Map.of("videosHistoryEnabled", false)).status());
        assertFalse(API.get("/api/v1/users/me", viewer).json().path("videosHistoryEnabled").asBoolean(true));
        watch(viewer, PUBLIC, 30);
        assertEquals(0, API.get("/api/v1/users/me/history/videos", viewer).json().path("total").asInt());
        assertEquals(204, API.putJson("/api/v1/users/me", viewer, Map.of("videosHistoryEnabled", true)).status());
        watch(viewer, PUBLIC, 31);
        assertEquals(1, API.get("/api/v1/users/me/history/videos", viewer).json().path("total").asInt());
    }

    @Test
    void videosAreRemovedFromTheHistoryOneByOneOrBeforeADate() {
        String viewer = API.newUser(Fresh.name("forget"), "secret-password");
        watch(viewer, PUBLIC, 1);
        watch(viewer, UNLISTED, 1);
        watch(viewer, INTERNAL, 1);
        assertEquals(204, API.delete("/api/v1/users/me/history/videos/" + videos.id(PUBLIC), viewer).status());
        assertEquals(List.of(videos.uuid(INTERNAL), videos.uuid(UNLISTED)), uuids(API.get("/api/v1/users/me/history/videos",
                viewer).json()));
        assertEquals(204, API.postJson("/api/v1/users/me/history/videos/remove", viewer,
                Map.of("beforeDate", "2000-01-01T00:00:00.000Z")).status());
        assertEquals(2, API.get("/api/v1/users/me/history/videos", viewer).json().path("total").asInt());
        assertEquals(204, API.postForm("/api/v1/users/me/history/videos/remove", viewer,
                Map.of("beforeDate", "2999-01-01T00:00:00.000Z")).status());
        assertEquals(0, API.get("/api/v1/users/me/history/videos", viewer).json().path("total").asInt());
        watch(viewer, PUBLIC, 1);
        assertEquals(204, API.multipart("POST", "/api/v1/users/me/history/videos/remove", viewer, Map.of(), Map.of()).status());
        assertEquals(0, API.get("/api/v1/users/me/history/videos", viewer).json().path("total").asInt());
    }

    @Test
    void theHistoryShowsNoVideoTheViewerCouldNoLongerFind() throws Exception {
        String hidden = PrivacyVideos.upload(API, videos.ownerToken, PUBLIC, "Watched then hidden");
        Videos.awaitPublished(API, videos.ownerToken, hidden);
        String viewer = API.newUser(Fresh.name("lost"), "secret-password");
        assertEquals(204, API.putJson("/api/v1/videos/" + hidden + "/watching", viewer, Map.of("currentTime", 3)).status());
        assertEquals(List.of(hidden), uuids(API.get("/api/v1/users/me/history/videos", viewer).json()));
        assertEquals(204, API.putJson("/api/v1/videos/" + hidden, videos.ownerToken, Map.of("privacy", PRIVATE)).status());
        assertEquals(0, API.get("/api/v1/users/me/history/videos", viewer).json().path("total").asInt());
    }

    @Test
    void badPositionsDatesAndVideosAreRefused() {
        String viewer = API.newUser(Fresh.name("bad"), "secret-password");
        String path = "/api/v1/videos/" + videos.uuid(PUBLIC) + "/watching";
        assertProblem(API.putJson(path, null, Map.of("currentTime", 1)), 401);
        assertProblem(API.putJson(path, viewer, Map.of("currentTime", -1)), 400);
        assertProblem(API.putJson(path, viewer, Map.of("currentTime", "soon")), 400);
        assertProblem(API.putJson(path, viewer, Map.of()), 400);
        assertProblem(API.postJson("/api/v1/videos/" + videos.uuid(PUBLIC) + "/views", viewer, Map.of("currentTime", 1.5)), 400);
        assertProblem(API.putJson("/api/v1/videos/" + videos.uuid(PRIVATE) + "/watching", viewer, Map.of("currentTime", 1)), 403);
        assertProblem(API.postJson("/api/v1/users/me/history/videos/remove", viewer, Map.of("beforeDate", "yesterday")), 400);
        assertProblem(API.delete("/api/v1/users/me/history/videos/abc", viewer), 400);
    }

    private static void watch(String viewer, int privacy, int seconds) {
        Api.Reply reply = API.putJson("/api/v1/videos/" + videos.uuid(privacy) + "/watching", viewer, Map.of("currentTime", seconds));
        assertEquals(204, reply.status(), reply::toString);
    }

    private static List<String> uuids(JsonNode page) {
        List<String> uuids = new ArrayList<>();
        page.path("data").forEach(video -> uuids.add(video.path("uuid").asText()));
        return uuids;
    }
}
