package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/**
 * PeerTube's subscriptions: a user's account follows a channel of this instance, named by its
 * handle; the channel's followers and the account's following are counted exactly; the feed holds
 * the public videos of the channels followed, newest first.
 */
@ExtendWith(KinemaServer.class)
class SubscriptionIT {

    private static final Api API = KinemaServer.api();
    private static final String HOST = API.baseUrl().substring("http://".length());
    private static String publisher;
    private static String channel;
    private static final List<String> PUBLIC_VIDEOS = new ArrayList<>();
    private static String privateVideo;
    private static String unlistedVideo;

    @BeforeAll
    static void aChannelWithVideosOfEveryPrivacy() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-3s-144p.mp4"), 3, 256, 144);
        String name = Fresh.name("pub");
        publisher = API.newUser(name, "secret-password");
        channel = name + "_channel";
        PUBLIC_VIDEOS.add(Videos.uploaded(API, publisher, clip, Map.of("name", "Older public")));
        privateVideo = Videos.uploaded(API, publisher, clip, Map.of("name", "Private one", "privacy", "3"));
        unlistedVideo = Videos.uploaded(API, publisher, clip, Map.of("name", "Unlisted one", "privacy", "2"));
        for (String uuid : List.of(PUBLIC_VIDEOS.get(0), privateVideo, unlistedVideo)) {
            Videos.awaitPublished(API, publisher, uuid);
        }
        PUBLIC_VIDEOS.add(0, Videos.uploaded(API, publisher, clip, Map.of("name", "Newer public")));
        Videos.awaitPublished(API, publisher, PUBLIC_VIDEOS.get(0));
    }

    @Test
    void subscribingCountsTheChannelsFollowerAndTheAccountsFollowingOnce() {
        String name = Fresh.name("fan");
        String fan = API.newUser(name, "secret-password");
        int before = followers();
        assertEquals(204, API.postJson("/api/v1/users/me/subscriptions", fan, Map.of("uri", channel + "@" + HOST)).status());
        assertEquals(204, API.postJson("/api/v1/users/me/subscriptions", fan, Map.of("uri", channel)).status(),
                "subscribing again changes nothing");
        assertEquals(before + 1, followers());
        assertEquals(1, API.get("/api/v1/accounts/" + name, null).json().path("followingCount").asInt());

        JsonNode list = API.get("/api/v1/users/me/subscriptions", fan).json();
        assertEquals(1, list.path("total").asInt());
        assertEquals(channel, list.path("data").path(0).path("name").asText());
        assertEquals(before + 1, list.path("data").path(0).path("followersCount").asInt());
        assertEquals(channel, API.get("/api/v1/users/me/subscriptions/" + channel + "@" + HOST, fan).json().path("name").asText());

        assertEquals(204, API.delete("/api/v1/users/me/subscriptions/" + channel + "@" + HOST, fan).status());
        assertEquals(before, followers());
        assertEquals(0, API.get("/api/v1/accounts/" + name, null).json().path("followingCount").asInt());
        assertProblem(API.delete("/api/v1/users/me/subscriptions/" + channel + "@" + HOST, fan), 404);
        assertProblem(API.get("/api/v1/users/me/subscriptions/" + channel, fan), 404);
    }

    @Test
    void aFollowIsARowBetweenTwoActorsWithItsOwnUrl() throws Exception {
        String name = Fresh.name("row");
        String fan = API.newUser(name, "secret-password");
        assertEquals(204, API.postJson("/api/v1/users/me/subscriptions", fan, Map.of("uri", channel + "@" + HOST)).status());
        try (Connection db = KinemaServer.database(); Statement query = db.createStatement();
             ResultSet row = query.executeQuery("SELECT f.id, f.url, f.state, follower.url, following.url FROM kinema.actor_follow f"
                     + " JOIN kinema.actor follower ON follower.id = f.follower_id"
                     + " JOIN kinema.actor following ON following.id = f.following_id"
                     + " WHERE follower.preferred_username = '" + name + "'")) {
            assertTrue(row.next());
            assertEquals(API.baseUrl() + "/accounts/" + name, row.getString(4));
            assertEquals(API.baseUrl() + "/accounts/" + name + "/follows/" + row.getLong(1), row.getString(2));
            assertEquals("accepted", row.getString(3));
            assertEquals(API.baseUrl() + "/video-channels/" + channel, row.getString(5));
        }
    }

    @Test
    void existSaysWhichHandlesAreSubscribedTo() {
        String fan = API.newUser(Fresh.name("exist"), "secret-password");
        API.postJson("/api/v1/users/me/subscriptions", fan, Map.of("uri", channel + "@" + HOST));
        JsonNode exist = API.get("/api/v1/users/me/subscriptions/exist?uris=" + channel + "@" + HOST
                + "&uris=root_channel@" + HOST + "&uris=someone@peertube.example", fan).json();
        assertTrue(exist.path(channel + "@" + HOST).asBoolean(), exist::toString);
        assertFalse(exist.path("root_channel@" + HOST).asBoolean(), exist::toString);
        assertFalse(exist.path("someone@peertube.example").asBoolean(), exist::toString);
        assertEquals(3, exist.size());
        assertProblem(API.get("/api/v1/users/me/subscriptions/exist?uris=a@b@c", fan), 400);
        assertProblem(API.get("/api/v1/users/me/subscriptions/exist", fan), 400);
    }

    @Test
    void malformedRemoteOrUnknownHandlesAreRefused() {
        String fan = API.newUser(Fresh.name("bad"), "secret-password");
        for (String malformed : List.of("", " ", "@" + HOST, channel + "@", "a@b@c", "white space@" + HOST, "x".repeat(51))) {
            assertProblem(API.postJson("/api/v1/users/me/subscriptions", fan, Map.of("uri", malformed)), 400);
        }
        // a channel of another instance is looked up there first (TwoInstanceFederationIT follows one)
        JsonNode remote = assertProblem(API.postJson("/api/v1/users/me/subscriptions", fan,
                Map.of("uri", "videos@peertube.example")), 404);
        assertTrue(remote.path("detail").asText().contains("videos@peertube.example"), remote::toString);
        assertProblem(API.postJson("/api/v1/users/me/subscriptions", fan, Map.of("uri", "no_such_channel@" + HOST)), 404);
        assertProblem(API.postJson("/api/v1/users/me/subscriptions", fan, Map.of()), 400);
        assertProblem(API.postJson("/api/v1/users/me/subscriptions", null, Map.of("uri", channel)), 401);
        assertProblem(API.get("/api/v1/users/me/subscriptions", null), 401);
        assertProblem(API.get("/api/v1/users/me/subscriptions?sort=name", fan), 400);
    }

    @Test
    void theFeedHoldsThePublicVideosOfTheChannelsFollowedNewestFirst() {
        String fan = API.newUser(Fresh.name("feed"), "secret-password");
        assertEquals(0, API.get("/api/v1/users/me/subscriptions/videos", fan).json().path("total").asInt());
        API.postJson("/api/v1/users/me/subscriptions", fan, Map.of("uri", channel + "@" + HOST));
        JsonNode feed = API.get("/api/v1/users/me/subscriptions/videos", fan).json();
        List<String> uuids = new ArrayList<>();
        feed.path("data").forEach(video -> uuids.add(video.path("uuid").asText()));
        assertEquals(PUBLIC_VIDEOS, uuids);
        assertEquals(2, feed.path("total").asInt());
        assertEquals(channel, feed.path("data").path(0).path("channel").path("name").asText());
        JsonNode second = API.get("/api/v1/users/me/subscriptions/videos?start=1&count=1&sort=-publishedAt", fan).json();
        assertEquals(PUBLIC_VIDEOS.get(1), second.path("data").path(0).path("uuid").asText());
        assertEquals(PUBLIC_VIDEOS.get(1), API.get("/api/v1/users/me/subscriptions/videos?sort=publishedAt", fan).json()
                .path("data").path(0).path("uuid").asText());
        assertProblem(API.get("/api/v1/users/me/subscriptions/videos?sort=-nonsense", fan), 400);
        assertProblem(API.get("/api/v1/users/me/subscriptions/videos", null), 401);
    }

    private static int followers() {
        return API.get("/api/v1/video-channels/" + channel, null).json().path("followersCount").asInt();
    }
}
