package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

/**
 * Playlists as PeerTube has them: made and changed as its clients send them, with elements added,
 * timed, moved and removed, every user's Watch later, and nobody finding through a playlist a
 * video or a playlist they could not find otherwise.
 */
@ExtendWith(KinemaServer.class)
class PlaylistIT {

    private static final Api API = KinemaServer.api();
    private static final int REGULAR = 0;
    private static final int DELETED = 1;
    private static final int HIDDEN = 2;
    private static PrivacyVideos videos;
    private static String stranger;

    @BeforeAll
    static void videosOfEachPrivacy() throws Exception {
        videos = PrivacyVideos.shared(API);
        stranger = API.newUser(Fresh.name("strg"), "secret-password");
    }

    @Test
    void everyUserHasAPrivateWatchLaterPlaylistOfTheirOwn() {
        String name = Fresh.name("later");
        String user = API.newUser(name, "secret-password");
        JsonNode special = API.get("/api/v1/users/me", user).json().path("specialPlaylists");
        assertEquals(1, special.size(), special::toString);
        assertEquals(2, special.path(0).path("type").asInt());
        long id = special.path(0).path("id").asLong();
        JsonNode watchLater = API.get("/api/v1/video-playlists/" + id, user).json();
        assertEquals("Watch later", watchLater.path("displayName").asText());
        assertEquals(3, watchLater.path("privacy").path("id").asInt());
        assertEquals(2, watchLater.path("type").path("id").asInt());
        assertProblem(API.get("/api/v1/video-playlists/" + id, stranger), 403);
        assertProblem(API.get("/api/v1/video-playlists/" + id, null), 401);
        assertProblem(API.get("/api/v1/video-playlists/" + id + "/videos", stranger), 403);
        assertProblem(API.delete("/api/v1/video-playlists/" + id, user), 400);
        assertProblem(API.putJson("/api/v1/video-playlists/" + id, user, Map.of("displayName", "Mine")), 400);
        assertEquals(Set.of(id), ids(API.get("/api/v1/accounts/" + name + "/video-playlists?playlistType=2", user).json()));
        assertEquals(Set.of(), ids(API.get("/api/v1/accounts/" + name + "/video-playlists", stranger).json()));
        assertEquals(200, add(user, id, videos.uuid(PUBLIC), Map.of()).status());
    }

    @Test
    void aPlaylistIsMadeChangedAndDeletedAsPeerTubeClientsSendIt() throws Exception {
        String name = Fresh.name("maker");
        String user = API.newUser(name, "secret-password");
        long channel = Videos.channelOf(API, user);
        Path image = Media.image(Path.of("target", "media", "playlist-thumbnail.jpg"), "orange", 640, 360);
        Api.Reply created = API.multipart("POST", "/api/v1/video-playlists", user, Map.of("displayName", "Lectures",
                "description", "All of them", "privacy", "1", "videoChannelId", String.valueOf(channel)), Map.of("thumbnailfile", image));
        assertEquals(200, created.status(), created::toString);
        JsonNode ids = created.json().path("videoPlaylist");
        JsonNode playlist = API.get("/api/v1/video-playlists/" + ids.path("shortUUID").asText(), null).json();
        assertEquals(ids.path("id").asLong(), playlist.path("id").asLong());
        assertEquals("Lectures", playlist.path("displayName").asText());
        assertEquals("All of them", playlist.path("description").asText());
        assertEquals(1, playlist.path("privacy").path("id").asInt());
        assertEquals(API.baseUrl() + "/video-playlists/" + ids.path("uuid").asText(), playlist.path("url").asText());
        assertEquals("/video-playlists/embed/" + ids.path("uuid").asText(), playlist.path("embedPath").asText());
        assertEquals(name, playlist.path("ownerAccount").path("name").asText());
        assertEquals(channel, playlist.path("videoChannel").path("id").asLong());
        assertEquals(0, playlist.path("videosLength").asInt());
        assertTrue(playlist.path("isLocal").asBoolean());
        String thumbnail = playlist.path("thumbnailPath").asText();
        assertTrue(API.bytes(thumbnail, null, null).length > 0, "the thumbnail is served");

        Api.Reply changed = API.multipart("PUT", "/api/v1/video-playlists/" + ids.path("id").asText(), user,
                Map.of("displayName", "Lectures, 2nd term", "privacy", "2"), Map.of());
        assertEquals(204, changed.status(), changed::toString);
        JsonNode after = API.get("/api/v1/video-playlists/" + ids.path("uuid").asText(), stranger).json();
        assertEquals("Lectures, 2nd term", after.path("displayName").asText());
        assertEquals(2, after.path("privacy").path("id").asInt());
        assertProblem(API.putJson("/api/v1/video-playlists/" + ids.path("id").asText(), stranger, Map.of("displayName", "Ours")), 403);
        assertProblem(API.delete("/api/v1/video-playlists/" + ids.path("id").asText(), stranger), 403);

        assertEquals(204, API.delete("/api/v1/video-playlists/" + ids.path("id").asText(), user).status());
        assertProblem(API.get("/api/v1/video-playlists/" + ids.path("id").asText(), user), 404);
        assertEquals(404, API.get(thumbnail, user).status());
        Path file = KinemaServer.mediaDir().resolve("thumbnails").resolve(thumbnail.substring(thumbnail.lastIndexOf('/') + 1));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Files.exists(file) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertFalse(Files.exists(file), "the janitor removed the thumbnail");
    }

    @Test
    void aPlaylistIsMadeFromJsonTooAndItsFieldsAreChecked() {
        String user = API.newUser(Fresh.name("json"), "secret-password");
        String otherChannel = String.valueOf(Videos.channelOf(API, stranger));
        assertEquals(200, API.postJson("/api/v1/video-playlists", user, Map.of("displayName", "Plain")).status());
        assertProblem(API.postJson("/api/v1/video-playlists", user, Map.of("displayName", "Public", "privacy", 1)), 400);
        assertProblem(API.postJson("/api/v1/video-playlists", user, Map.of("displayName", "Theirs", "privacy", 1,
                "videoChannelId", otherChannel)), 403);
        assertProblem(API.postJson("/api/v1/video-playlists", user, Map.of("privacy", 3)), 400);
        assertProblem(API.postJson("/api/v1/video-playlists", user, Map.of("displayName", "x".repeat(121))), 400);
        assertProblem(API.postJson("/api/v1/video-playlists", user, Map.of("displayName", "Short", "description", "ab")), 400);
        assertProblem(API.postJson("/api/v1/video-playlists", user, Map.of("displayName", "Odd", "privacy", 9)), 400);
        assertProblem(API.postJson("/api/v1/video-playlists", null, Map.of("displayName", "Nobody's")), 401);
        long id = playlist(user, 3);
        assertProblem(API.putJson("/api/v1/video-playlists/" + id, user, Map.of("privacy", 1)), 400);
        assertProblem(API.get("/api/v1/video-playlists/not-a-playlist-id", user), 404);
        assertProblem(API.get("/api/v1/video-playlists/" + "9".repeat(80), user), 400);
        assertEquals(Map.of("1", "Public", "2", "Unlisted", "3", "Private"),
                Api.JSON.convertValue(API.get("/api/v1/video-playlists/privacies", null).json(), Map.class));
    }

    @Test
    void elementsAreAddedTimedAndRemovedWithTheirOwnUrls() throws Exception {
        String user = API.newUser(Fresh.name("timed"), "secret-password");
        long id = playlist(user, 2);
        Api.Reply first = add(user, id, videos.uuid(PUBLIC), Map.of("startTimestamp", 5, "stopTimestamp", 10));
        assertEquals(200, first.status(), first::toString);
        long firstId = first.json().path("videoPlaylistElement").path("id").asLong();
        long secondId = add(user, id, String.valueOf(videos.id(UNLISTED)), Map.of()).json().path("videoPlaylistElement").path("id").asLong();
        JsonNode elements = API.get("/api/v1/video-playlists/" + id + "/videos", user).json();
        assertEquals(2, elements.path("total").asInt());
        JsonNode element = elements.path("data").path(0);
        assertEquals(firstId, element.path("id").asLong());
        assertEquals(1, element.path("position").asInt());
        assertEquals(5, element.path("startTimestamp").asInt());
        assertEquals(10, element.path("stopTimestamp").asInt());
        assertEquals(REGULAR, element.path("type").asInt());
        assertEquals(videos.uuid(PUBLIC), element.path("video").path("uuid").asText());
        String playlistUrl = API.get("/api/v1/video-playlists/" + id, user).json().path("url").asText();
        assertEquals(playlistUrl + "/videos/" + firstId, urlOfElement(firstId));
        assertEquals(2, API.get("/api/v1/video-playlists/" + id, user).json().path("videosLength").asInt());

        String elementPath = "/api/v1/video-playlists/" + id + "/videos/" + firstId;
        assertProblem(API.putJson(elementPath, user, Map.of("startTimestamp", 20)), 400);
        assertProblem(API.putJson(elementPath, user, Map.of("stopTimestamp", -1)), 400);
        assertEquals(204, API.putJson(elementPath, user, Map.of("stopTimestamp", 30, "startTimestamp", 20)).status());
        assertEquals(20, API.get("/api/v1/video-playlists/" + id + "/videos", user).json().path("data").path(0)
                .path("startTimestamp").asInt());
        assertProblem(add(user, id, videos.uuid(PUBLIC), Map.of("startTimestamp", 10, "stopTimestamp", 5)), 400);
        assertProblem(add(user, id, videos.uuid(PUBLIC), Map.of("startTimestamp", -3)), 400);
        assertProblem(API.putJson(elementPath, stranger, Map.of("stopTimestamp", 40)), 403);
        assertProblem(API.putJson("/api/v1/video-playlists/" + id + "/videos/999999999", user, Map.of("stopTimestamp", 40)), 404);
        assertProblem(API.delete("/api/v1/video-playlists/" + id + "/videos/abc", user), 400);

        assertEquals(204, API.delete(elementPath, user).status());
        JsonNode left = API.get("/api/v1/video-playlists/" + id + "/videos", user).json();
        assertEquals(1, left.path("total").asInt());
        assertEquals(secondId, left.path("data").path(0).path("id").asLong());
        assertEquals(1, left.path("data").path(0).path("position").asInt());
    }

    @Test
    void nobodyAddsAVideoTheyMayNotSeeNorToAPlaylistNotTheirs() {
        String user = API.newUser(Fresh.name("adder"), "secret-password");
        long id = playlist(user, 3);
        assertProblem(add(user, id, videos.uuid(PRIVATE), Map.of()), 403);
        assertProblem(add(user, id, videos.uuid(PASSWORD_PROTECTED), Map.of()), 403, "video_requires_password");
        assertProblem(add(user, id, "00000000-0000-4000-8000-000000000000", Map.of()), 404);
        assertProblem(add(user, id, "x".repeat(100), Map.of()), 400);
        assertProblem(API.postJson("/api/v1/video-playlists/" + id + "/videos", user, Map.of()), 400);
        assertProblem(add(stranger, id, videos.uuid(PUBLIC), Map.of()), 403);
        assertProblem(add(null, id, videos.uuid(PUBLIC), Map.of()), 401);
        Api.Reply withPassword = API.send("POST", "/api/v1/video-playlists/" + id + "/videos", user,
                Map.of("Content-Type", "application/json", "x-peertube-video-password", PASSWORD),
                ("{\"videoId\":\"" + videos.uuid(PASSWORD_PROTECTED) + "\"}").getBytes());
        assertEquals(200, withPassword.status(), withPassword::toString);
        assertEquals(1, API.get("/api/v1/video-playlists/" + id, user).json().path("videosLength").asInt());
    }

    /**
     * One public playlist holding videos of every kind: its owner, a stranger and someone not
     * logged in each see only the videos they could find otherwise; the others are elements
     * without a video, of PeerTube's types (deleted, or not for this reader).
     */
    @Test
    void aPlaylistShowsEachReaderOnlyTheVideosTheyCouldFindOtherwise() throws Exception {
        String name = Fresh.name("curator");
        String owner = API.newUser(name, "secret-password");
        String soonPrivate = PrivacyVideos.upload(API, videos.ownerToken, PUBLIC, "Soon private");
        String ownPrivate = PrivacyVideos.upload(API, owner, PRIVATE, "Own private");
        String soonDeleted = PrivacyVideos.upload(API, owner, PUBLIC, "Soon deleted");
        for (String[] video : new String[][] {{soonPrivate, videos.ownerToken}, {ownPrivate, owner}, {soonDeleted, owner}}) {
            Videos.awaitPublished(API, video[1], video[0]);
        }
        long id = publicPlaylist(owner);
        List<String> added = List.of(videos.uuid(PUBLIC), videos.uuid(UNLISTED), videos.uuid(INTERNAL), soonPrivate, ownPrivate,
                soonDeleted);
        for (String uuid : added) {
            assertEquals(200, add(owner, id, uuid, Map.of()).status());
        }
        assertEquals(204, API.putJson("/api/v1/videos/" + soonPrivate, videos.ownerToken, Map.of("privacy", PRIVATE)).status());
        assertEquals(204, API.delete("/api/v1/videos/" + soonDeleted, owner).status());

        assertEquals(List.of(REGULAR, REGULAR, REGULAR, HIDDEN, REGULAR, DELETED), types(id, owner));
        assertEquals(List.of(REGULAR, HIDDEN, REGULAR, HIDDEN, HIDDEN, DELETED), types(id, stranger));
        assertEquals(List.of(REGULAR, HIDDEN, HIDDEN, HIDDEN, HIDDEN, DELETED), types(id, null));
        JsonNode anonymous = API.get("/api/v1/video-playlists/" + id + "/videos", null).json();
        assertEquals(Set.of(videos.uuid(PUBLIC)), videoUuids(anonymous));
        assertTrue(anonymous.path("data").path(1).path("video").isNull(), "a hidden element has no video");
        assertEquals(6, anonymous.path("total").asInt());
    }

    @Test
    void videosExistAnswersForTheCallersOwnPlaylistsAndFindableVideosOnly() throws Exception {
        String owner = API.newUser(Fresh.name("exist"), "secret-password");
        String soonPrivate = PrivacyVideos.upload(API, videos.ownerToken, PUBLIC, "Soon private, exists");
        long hiddenId = Videos.awaitPublished(API, videos.ownerToken, soonPrivate).path("id").asLong();
        long id = playlist(owner, 3);
        long element = add(owner, id, videos.uuid(PUBLIC), Map.of("startTimestamp", 3)).json()
                .path("videoPlaylistElement").path("id").asLong();
        add(owner, id, soonPrivate, Map.of());
        assertEquals(204, API.putJson("/api/v1/videos/" + soonPrivate, videos.ownerToken, Map.of("privacy", PRIVATE)).status());

        String query = "/api/v1/users/me/video-playlists/videos-exist?videoIds=" + videos.id(PUBLIC) + "&videoIds=" + hiddenId;
        JsonNode exist = API.get(query, owner).json();
        JsonNode places = exist.path(String.valueOf(videos.id(PUBLIC)));
        assertEquals(1, places.size(), exist::toString);
        assertEquals(element, places.path(0).path("playlistElementId").asLong());
        assertEquals(id, places.path(0).path("playlistId").asLong());
        assertEquals(3, places.path(0).path("startTimestamp").asInt());
        assertEquals(0, exist.path(String.valueOf(hiddenId)).size(), "a video the caller may no longer see is in none");
        assertEquals(0, API.get(query, stranger).json().path(String.valueOf(videos.id(PUBLIC))).size());
        assertEquals(1, API.get("/api/v1/users/me/video-playlists/videos-exist?videoIds%5B%5D=" + videos.id(PUBLIC), owner).json()
                .path(String.valueOf(videos.id(PUBLIC))).size());
        assertProblem(API.get(query, null), 401);
        assertProblem(API.get("/api/v1/users/me/video-playlists/videos-exist?videoIds=abc", owner), 400);
        assertProblem(API.get("/api/v1/users/me/video-playlists/videos-exist", owner), 400);
    }

    @Test
    void othersFindOnlyPublicPlaylistsOfAnAccountOrAChannel() {
        String name = Fresh.name("shelf");
        String owner = API.newUser(name, "secret-password");
        long publicOne = publicPlaylist(owner);
        long channel = Videos.channelOf(API, owner);
        long unlisted = playlist(owner, Map.of("displayName", "Unlisted shelf", "privacy", 2, "videoChannelId", channel));
        long privateOne = playlist(owner, Map.of("displayName", "Private shelf", "privacy", 3, "videoChannelId", channel));
        long watchLater = API.get("/api/v1/users/me", owner).json().path("specialPlaylists").path(0).path("id").asLong();
        String ofAccount = "/api/v1/accounts/" + name + "/video-playlists";
        String ofChannel = "/api/v1/video-channels/" + name + "_channel/video-playlists";

        assertEquals(Set.of(publicOne), ids(API.get(ofAccount, null).json()));
        assertEquals(Set.of(publicOne), ids(API.get(ofAccount, stranger).json()));
        assertEquals(Set.of(publicOne, unlisted, privateOne, watchLater), ids(API.get(ofAccount + "?count=100", owner).json()));
        assertEquals(Set.of(unlisted), ids(API.get(ofAccount + "?search=unlisted", owner).json()));
        assertEquals(Set.of(publicOne), ids(API.get(ofChannel, null).json()));
        assertEquals(Set.of(publicOne, unlisted, privateOne), ids(API.get(ofChannel, owner).json()));
        Set<Long> everyone = ids(API.get("/api/v1/video-playlists?count=100&sort=-createdAt", null).json());
        assertTrue(everyone.contains(publicOne));
        assertFalse(everyone.contains(unlisted) || everyone.contains(privateOne) || everyone.contains(watchLater));
        assertProblem(API.get(ofAccount + "?playlistType=7", owner), 400);
        assertProblem(API.get("/api/v1/accounts/nobody_" + name + "/video-playlists", null), 404);
    }

    @Test
    void aPlaylistShowsThePictureOfItsFirstPublicVideoToWhoeverMaySeeIt() throws Exception {
        String owner = API.newUser(Fresh.name("pictured"), "secret-password");
        long id = playlist(owner, 3);
        assertTrue(API.get("/api/v1/video-playlists/" + id, owner).json().path("thumbnailPath").isNull());
        add(owner, id, videos.uuid(UNLISTED), Map.of());
        assertTrue(API.get("/api/v1/video-playlists/" + id, owner).json().path("thumbnailPath").isNull(),
                "only a public video lends its picture");
        add(owner, id, videos.uuid(PUBLIC), Map.of());
        assertEquals(204, API.postJson("/api/v1/video-playlists/" + id + "/videos/reorder", owner,
                Map.of("startPosition", 2, "insertAfterPosition", 0)).status());
        String thumbnail = API.get("/api/v1/video-playlists/" + id, owner).json().path("thumbnailPath").asText();
        assertTrue(API.bytes(thumbnail, owner, null).length > 0);
        assertEquals(404, API.get(thumbnail, stranger).status(), "a private playlist's picture is its owner's");
    }

    @Test
    void reorderMovesABlockBeforeOrAfterOthers() {
        String owner = API.newUser(Fresh.name("order"), "secret-password");
        long id = playlist(owner, 3);
        List<Long> elements = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            elements.add(add(owner, id, videos.uuid(PUBLIC), Map.of()).json().path("videoPlaylistElement").path("id").asLong());
        }
        assertEquals(204, reorder(owner, id, Map.of("startPosition", 2, "insertAfterPosition", 5, "reorderLength", 2)).status());
        assertEquals(order(elements, 0, 3, 4, 1, 2, 5), elementIds(id, owner));
        assertEquals(204, reorder(owner, id, Map.of("startPosition", 4, "insertAfterPosition", 0, "reorderLength", 2)).status());
        assertEquals(order(elements, 1, 2, 0, 3, 4, 5), elementIds(id, owner));
        assertEquals(204, reorder(owner, id, Map.of("startPosition", 6, "insertAfterPosition", 3)).status());
        assertEquals(order(elements, 1, 2, 0, 5, 3, 4), elementIds(id, owner));
        assertEquals(204, reorder(owner, id, Map.of("startPosition", 2, "insertAfterPosition", 1)).status());
        assertEquals(order(elements, 1, 2, 0, 5, 3, 4), elementIds(id, owner));

        assertProblem(reorder(owner, id, Map.of("startPosition", 0, "insertAfterPosition", 1)), 400);
        assertProblem(reorder(owner, id, Map.of("startPosition", 7, "insertAfterPosition", 1)), 400);
        assertProblem(reorder(owner, id, Map.of("startPosition", 1, "insertAfterPosition", 7)), 400);
        assertProblem(reorder(owner, id, Map.of("startPosition", 4, "insertAfterPosition", 0, "reorderLength", 4)), 400);
        assertProblem(reorder(owner, id, Map.of("startPosition", 1, "insertAfterPosition", 2, "reorderLength", 3)), 400);
        assertProblem(reorder(owner, id, Map.of("insertAfterPosition", 2)), 400);
        assertProblem(reorder(owner, id, Map.of("startPosition", "first", "insertAfterPosition", 2)), 400);
        assertProblem(reorder(stranger, id, Map.of("startPosition", 1, "insertAfterPosition", 2)), 403);
    }

    @Test
    void aThousandElementsMoveAtOnce() throws Exception {
        String owner = API.newUser(Fresh.name("thousand"), "secret-password");
        long id = playlist(owner, 3);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Api.Reply>> adds = new ArrayList<>();
            for (int i = 0; i < 1001; i++) {
                adds.add(pool.submit(() -> add(owner, id, videos.uuid(PUBLIC), Map.of())));
            }
            for (Future<Api.Reply> reply : adds) {
                assertEquals(200, reply.get().status(), () -> "an add failed");
            }
        } finally {
            pool.shutdown();
        }
        long last = elementAt(id, owner, 1001);
        long first = elementAt(id, owner, 1);
        assertEquals(204, reorder(owner, id, Map.of("startPosition", 1, "insertAfterPosition", 1001, "reorderLength", 1000))
                .status());
        assertEquals(last, elementAt(id, owner, 1));
        assertEquals(first, elementAt(id, owner, 2));
        assertEquals(Set.of(), gapsOrTwins(id));
        assertProblem(reorder(owner, id, Map.of("startPosition", 2, "insertAfterPosition", 0, "reorderLength", 1001)), 400);
    }

    private static long publicPlaylist(String token) {
        return playlist(token, Map.of("displayName", "Public shelf", "privacy", 1, "videoChannelId", Videos.channelOf(API, token)));
    }

    private static long playlist(String token, int privacy) {
        return playlist(token, Map.of("displayName", "Playlist " + Fresh.name("p"), "privacy", privacy));
    }

    private static long playlist(String token, Map<String, Object> fields) {
        Api.Reply created = API.postJson("/api/v1/video-playlists", token, fields);
        assertEquals(200, created.status(), created::toString);
        return created.json().path("videoPlaylist").path("id").asLong();
    }

    private static Api.Reply add(String token, long playlist, String video, Map<String, Object> times) {
        Map<String, Object> body = new HashMap<>(times);
        body.put("videoId", video);
        return API.postJson("/api/v1/video-playlists/" + playlist + "/videos", token, body);
    }

    private static Api.Reply reorder(String token, long playlist, Map<String, Object> body) {
        return API.postJson("/api/v1/video-playlists/" + playlist + "/videos/reorder", token, body);
    }

    private static List<Integer> types(long playlist, String token) {
        List<Integer> types = new ArrayList<>();
        API.get("/api/v1/video-playlists/" + playlist + "/videos", token).json().path("data")
                .forEach(element -> types.add(element.path("type").asInt()));
        return types;
    }

    private static List<Long> elementIds(long playlist, String token) {
        List<Long> ids = new ArrayList<>();
        API.get("/api/v1/video-playlists/" + playlist + "/videos?count=100", token).json().path("data")
                .forEach(element -> ids.add(element.path("id").asLong()));
        return ids;
    }

    private static long elementAt(long playlist, String token, int position) {
        JsonNode element = API.get("/api/v1/video-playlists/" + playlist + "/videos?count=1&start=" + (position - 1), token).json()
                .path("data").path(0);
        assertEquals(position, element.path("position").asInt());
        return element.path("id").asLong();
    }

    private static List<Long> order(List<Long> elements, int... indexes) {
        List<Long> ordered = new ArrayList<>();
        for (int index : indexes) {
            ordered.add(elements.get(index));
        }
        return ordered;
    }

    /** Positions of the playlist that are not 1…n exactly once each. */
    private static Set<Integer> gapsOrTwins(long playlist) throws Exception {
        try (Connection db = KinemaServer.database(); PreparedStatement query = db.prepareStatement(
                "SELECT position FROM kinema.video_playlist_element WHERE playlist_id = ? ORDER BY position")) {
            query.setLong(1, playlist);
            Set<Integer> wrong = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                for (int expected = 1; rows.next(); expected++) {
                    if (rows.getInt(1) != expected) {
                        wrong.add(rows.getInt(1));
                    }
                }
            }
            return wrong;
        }
    }

    private static String urlOfElement(long element) throws Exception {
        try (Connection db = KinemaServer.database(); PreparedStatement query = db.prepareStatement(
                "SELECT url FROM kinema.video_playlist_element WHERE id = ?")) {
            query.setLong(1, element);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString(1);
            }
        }
    }

    private static Set<Long> ids(JsonNode page) {
        Set<Long> ids = new HashSet<>();
        page.path("data").forEach(playlist -> ids.add(playlist.path("id").asLong()));
        return ids;
    }

    private static Set<String> videoUuids(JsonNode page) {
        Set<String> uuids = new HashSet<>();
        page.path("data").forEach(element -> {
            if (!element.path("video").isNull()) {
                uuids.add(element.path("video").path("uuid").asText());
            }
        });
        return uuids;
    }
}
