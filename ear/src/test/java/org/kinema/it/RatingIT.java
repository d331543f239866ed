package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.PrivacyVideos.INTERNAL;
import static org.kinema.it.PrivacyVideos.PASSWORD;
import static org.kinema.it.PrivacyVideos.PASSWORD_PROTECTED;
import static org.kinema.it.PrivacyVideos.PRIVATE;
import static org.kinema.it.PrivacyVideos.PUBLIC;
import static org.kinema.it.PrivacyVideos.UNLISTED;
import static org.kinema.it.Problems.assertProblem;

/** Likes and dislikes as PeerTube has them: one per account and video, counted exactly, seen only where the video is. */
@ExtendWith(KinemaServer.class)
class RatingIT {

    private static final Api API = KinemaServer.api();
    private static final String[] TYPES = {"like", "dislike", "none"};
    private static PrivacyVideos videos;

    @BeforeAll
    static void videosOfEachPrivacy() throws Exception {
        videos = PrivacyVideos.shared(API);
    }

    @Test
    void aLikeBecomesADislikeThenNothingAndTheVideoCountsFollow() throws Exception {
        String uuid = PrivacyVideos.upload(API, videos.ownerToken, PUBLIC, "Rated once");
        Videos.awaitPublished(API, videos.ownerToken, uuid);
        String rater = API.newUser(Fresh.name("rater"), "secret-password");

        assertEquals(204, rate(uuid, rater, "like").status());
        assertCounts(uuid, 1, 0);
        assertEquals("like", API.get("/api/v1/users/me/videos/" + uuid + "/rating", rater).json().path("rating").asText());

        assertEquals(204, rate(uuid, rater, "dislike").status());
        assertCounts(uuid, 0, 1);
        assertEquals(204, rate(uuid, rater, "dislike").status());
        assertCounts(uuid, 0, 1);

        assertEquals(204, rate(uuid, rater, "none").status());
        assertCounts(uuid, 0, 0);
        JsonNode rating = API.get("/api/v1/users/me/videos/" + uuid + "/rating", rater).json();
        assertEquals("none", rating.path("rating").asText());
        assertEquals(API.get("/api/v1/videos/" + uuid, rater).json().path("id").asLong(), rating.path("videoId").asLong());
    }

    @Test
    void aRatingIsNamedByItsAccountsUrlAsItsActivityPubId() throws Exception {
        String name = Fresh.name("named");
        String rater = API.newUser(name, "secret-password");
        long id = videos.id(PUBLIC);
        assertEquals(204, rate(videos.uuid(PUBLIC), rater, "dislike").status());
        assertEquals(API.baseUrl() + "/accounts/" + name + "/dislikes/" + id, urlOfRating(name, id));
        assertEquals(204, rate(videos.uuid(PUBLIC), rater, "like").status());
        assertEquals(API.baseUrl() + "/accounts/" + name + "/likes/" + id, urlOfRating(name, id));
    }

    @Test
    void ratingNeedsALoginAndAVideoTheRaterMaySee() {
        String stranger = API.newUser(Fresh.name("strg"), "secret-password");
        assertProblem(rate(videos.uuid(PUBLIC), null, "like"), 401);
        assertProblem(rate(videos.uuid(PRIVATE), stranger, "like"), 403);
        assertProblem(API.get("/api/v1/users/me/videos/" + videos.uuid(PRIVATE) + "/rating", stranger), 403);
        assertProblem(rate(videos.uuid(PASSWORD_PROTECTED), stranger, "like"), 403, "video_requires_password");
        assertProblem(rate("00000000-0000-4000-8000-000000000000", stranger, "like"), 404);
        assertProblem(rate("x".repeat(100), stranger, "like"), 400);
        assertProblem(rate(videos.uuid(PUBLIC), stranger, "love"), 400);
        assertProblem(API.putJson("/api/v1/videos/" + videos.uuid(PUBLIC) + "/rate", stranger, Map.of()), 400);
        assertProblem(API.get("/api/v1/users/me/videos/" + videos.uuid(PUBLIC) + "/rating", null), 401);
        assertCounts(videos.uuid(PRIVATE), 0, 0);
    }

    @Test
    void aPasswordProtectedVideoIsRatedWithItsPassword() throws Exception {
        String uuid = PrivacyVideos.upload(API, videos.ownerToken, PASSWORD_PROTECTED, "Rated with a password");
        Videos.awaitPublished(API, videos.ownerToken, uuid);
        String rater = API.newUser(Fresh.name("pwd"), "secret-password");
        assertProblem(API.send("PUT", "/api/v1/videos/" + uuid + "/rate", rater, Map.of("Content-Type", "application/json",
                "x-peertube-video-password", "wrong"), "{\"rating\":\"like\"}".getBytes()), 403, "incorrect_video_password");
        Api.Reply rated = API.send("PUT", "/api/v1/videos/" + uuid + "/rate", rater, Map.of("Content-Type", "application/json",
                "x-peertube-video-password", PASSWORD), "{\"rating\":\"like\"}".getBytes());
        assertEquals(204, rated.status(), rated::toString);
        assertEquals(1, API.get("/api/v1/videos/" + uuid, videos.ownerToken).json().path("likes").asLong());
    }

    @Test
    void anAccountsRatingsAreForItsOwnerOnly() {
        String name = Fresh.name("own");
        API.newUser(name, "secret-password");
        String stranger = API.newUser(Fresh.name("strg"), "secret-password");
        assertProblem(API.get("/api/v1/accounts/" + name + "/ratings", null), 401);
        assertProblem(API.get("/api/v1/accounts/" + name + "/ratings", stranger), 403);
        assertProblem(API.get("/api/v1/accounts/" + name + "/ratings", API.rootToken()), 403);
        assertProblem(API.get("/api/v1/accounts/nobody_" + name + "/ratings", stranger), 404);
    }

    @Test
    void anAccountsRatingsShowNoVideoItsOwnerCouldNoLongerFind() throws Exception {
        String hidden = PrivacyVideos.upload(API, videos.ownerToken, PUBLIC, "Soon private");
        Videos.awaitPublished(API, videos.ownerToken, hidden);
        String name = Fresh.name("fan");
        String rater = API.newUser(name, "secret-password");
        for (int privacy : new int[] {PUBLIC, UNLISTED, INTERNAL}) {
            assertEquals(204, rate(videos.uuid(privacy), rater, privacy == INTERNAL ? "dislike" : "like").status());
        }
        assertEquals(204, rate(hidden, rater, "like").status());
        assertEquals(204, API.putJson("/api/v1/videos/" + hidden, videos.ownerToken, Map.of("privacy", PRIVATE)).status());

        JsonNode all = API.get("/api/v1/accounts/" + name + "/ratings", rater).json();
        assertEquals(Set.of(videos.uuid(PUBLIC), videos.uuid(UNLISTED), videos.uuid(INTERNAL)), uuids(all));
        assertEquals(3, all.path("total").asInt());
        JsonNode dislikes = API.get("/api/v1/accounts/" + name + "/ratings?rating=dislike", rater).json();
        assertEquals(Set.of(videos.uuid(INTERNAL)), uuids(dislikes));
        assertEquals("dislike", dislikes.path("data").path(0).path("rating").asText());
        assertProblem(API.get("/api/v1/accounts/" + name + "/ratings?rating=none", rater), 400);
        assertProblem(API.get("/api/v1/accounts/" + name + "/ratings?count=1000", rater), 400);
    }

    /**
     * Many raters at once, each changing their mind several times, some of them twice at the same
     * moment: the video's counts are the rows, and the rows are what each rater last said.
     */
    @Test
    void concurrentRatersNeverLoseACount() throws Exception {
        String uuid = PrivacyVideos.upload(API, videos.ownerToken, PUBLIC, "Rated by a crowd");
        Videos.awaitPublished(API, videos.ownerToken, uuid);
        List<String> raters = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            raters.add(API.newUser(Fresh.name("crowd"), "secret-password"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < raters.size() * 2; i++) {
                String rater = raters.get(i % raters.size());
                Random random = new Random(i);
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 8; round++) {
                        Api.Reply reply = rate(uuid, rater, TYPES[random.nextInt(TYPES.length)]);
                        assertEquals(204, reply.status(), reply::toString);
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        int likes = 0;
        int dislikes = 0;
        for (String rater : raters) {
            String rating = API.get("/api/v1/users/me/videos/" + uuid + "/rating", rater).json().path("rating").asText();
            likes += rating.equals("like") ? 1 : 0;
            dislikes += rating.equals("dislike") ? 1 : 0;
        }
        assertCounts(uuid, likes, dislikes);
        assertEquals(List.of(likes, dislikes), rowsOf(uuid));
    }

    private static Api.Reply rate(String uuid, String token, String rating) {
        return API.putJson("/api/v1/videos/" + uuid + "/rate", token, Map.of("rating", rating));
    }

    private static void assertCounts(String uuid, long likes, long dislikes) {
        JsonNode video = API.get("/api/v1/videos/" + uuid, videos.ownerToken).json();
        assertEquals(likes, video.path("likes").asLong(), "likes of " + uuid);
        assertEquals(dislikes, video.path("dislikes").asLong(), "dislikes of " + uuid);
    }

    private static List<Integer> rowsOf(String uuid) throws Exception {
        try (Connection db = KinemaServer.database(); PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FILTER (WHERE r.type = 'like'), count(*) FILTER (WHERE r.type = 'dislike')"
                        + " FROM kinema.video_rating r JOIN kinema.video v ON v.id = r.video_id WHERE v.uuid = ?::uuid")) {
            query.setString(1, uuid);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                return List.of(rows.getInt(1), rows.getInt(2));
            }
        }
    }

    private static String urlOfRating(String account, long videoId) throws Exception {
        try (Connection db = KinemaServer.database(); PreparedStatement query = db.prepareStatement(
                "SELECT r.url FROM kinema.video_rating r JOIN kinema.account a ON a.id = r.account_id"
                        + " JOIN kinema.actor ac ON ac.id = a.actor_id WHERE ac.preferred_username = ? AND r.video_id = ?")) {
            query.setString(1, account);
            query.setLong(2, videoId);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "a rating row");
                String url = rows.getString(1);
                assertFalse(rows.next());
                return url;
            }
        }
    }

    private static Set<String> uuids(JsonNode page) {
        Set<String> uuids = new HashSet<>();
        page.path("data").forEach(rating -> uuids.add(rating.path("video").path("uuid").asText()));
        return uuids;
    }
}
