package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/**
 * Every list accepts exactly PeerTube's sorts for it, ascending or descending, orders by them with
 * the id breaking ties in the same direction, and refuses any other sort.
 */
@ExtendWith(KinemaServer.class)
class ListOrderIT {

    private static final Api API = KinemaServer.api();
    private static final int SEEDED = 40;
    /** PeerTube's video sorts, each with the field of the reply it orders by and that field's SQL type. */
    private static final Map<String, String[]> VIDEO_SORTS = Map.of(
            "name", new String[] {"name", "text"},
            "duration", new String[] {"duration", "numeric"},
            "createdAt", new String[] {"createdAt", "timestamptz"},
            "publishedAt", new String[] {"publishedAt", "timestamptz"},
            "originallyPublishedAt", new String[] {"publishedAt", "timestamptz"},
            "views", new String[] {"views", "numeric"},
            "likes", new String[] {"likes", "numeric"},
            "trending", new String[] {"views", "numeric"},
            "hot", new String[] {"views", "numeric"},
            "best", new String[] {"likes", "numeric"});
    private static final Map<String, String[]> USER_SORTS = Map.of(
            "id", new String[] {"id", "numeric"},
            "username", new String[] {"username", "text"},
            "createdAt", new String[] {"createdAt", "timestamptz"},
            "lastLoginDate", new String[] {"lastLoginDate", "timestamptz"},
            "role", new String[] {"role/id", "numeric"});
    private static final Map<String, String[]> CHANNEL_SORTS = Map.of(
            "id", new String[] {"id", "numeric"},
            "name", new String[] {"name", "text"},
            "createdAt", new String[] {"createdAt", "timestamptz"},
            "updatedAt", new String[] {"updatedAt", "timestamptz"});

    private static String owner;
    private static String ownerToken;

    @BeforeAll
    static void seedAChannelOfVideosAndTwoMoreChannels() throws Exception {
        owner = Fresh.name("sort");
        ownerToken = API.newUser(owner, "secret-password");
        for (String second : List.of(Fresh.name("sorta"), Fresh.name("sortb"))) {
            assertEquals(200, API.postJson("/api/v1/video-channels", ownerToken,
                    Map.of("name", second, "displayName", "Another channel")).status());
        }
        long channel = Videos.channelOf(API, ownerToken);
        try (Connection db = KinemaServer.database()) {
            SeededVideos.insert(db, String.valueOf(channel), 1, SEEDED);
        }
    }

    @Test
    void everyListRefusesAnUnknownSortNamingTheSortsItKnows() {
        String root = API.rootToken();
        for (String path : List.of("/api/v1/videos", "/api/v1/video-channels/" + owner + "_channel/videos",
                "/api/v1/accounts/" + owner + "/videos", "/api/v1/users/me/videos")) {
            JsonNode problem = assertProblem(API.get(path + "?sort=-match", ownerToken), 400);
            assertTrue(problem.path("detail").asText().contains("publishedAt"), problem::toString);
        }
        assertTrue(assertProblem(API.get("/api/v1/users?sort=-views", root), 400)
                .path("detail").asText().contains("lastLoginDate"));
        for (String path : List.of("/api/v1/video-channels", "/api/v1/accounts/" + owner + "/video-channels")) {
            assertTrue(assertProblem(API.get(path + "?sort=views", null), 400).path("detail").asText().contains("updatedAt"));
        }
    }

    @Test
    void videoListsOrderByEveryPeerTubeSortInBothDirections() throws Exception {
        for (String path : List.of("/api/v1/videos", "/api/v1/video-channels/" + owner + "_channel/videos",
                "/api/v1/accounts/" + owner + "/videos", "/api/v1/users/me/videos")) {
            assertOrderedByEverySort(path, VIDEO_SORTS, ownerToken);
        }
    }

    @Test
    void userAndChannelListsOrderByEverySortInBothDirections() throws Exception {
        assertOrderedByEverySort("/api/v1/users", USER_SORTS, API.rootToken());
        assertOrderedByEverySort("/api/v1/video-channels", CHANNEL_SORTS, null);
        assertOrderedByEverySort("/api/v1/accounts/" + owner + "/video-channels", CHANNEL_SORTS, null);
    }

    private static void assertOrderedByEverySort(String path, Map<String, String[]> sorts, String token) throws Exception {
        for (Map.Entry<String, String[]> sort : sorts.entrySet()) {
            for (String sign : List.of("", "-")) {
                String sorted = path + "?count=100&sort=" + sign + sort.getKey();
                assertOrdered(API.get(sorted, token).json(), sort.getValue(), !sign.isEmpty(), sorted);
            }
        }
    }

    /**
     * The ids of the page are in the order PostgreSQL gives the same keys (by its own collation and
     * null ordering), with the id breaking ties in the sort's direction.
     */
    private static void assertOrdered(JsonNode page, String[] field, boolean descending, String what) throws Exception {
        assertTrue(page.path("data").size() > 1, () -> what + " lists too little to show an order: " + page);
        List<String> keys = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : page.path("data")) {
            JsonNode key = item.at("/" + field[0]);
            keys.add(key.isNull() || key.isMissingNode() ? null : key.asText());
            ids.add(item.path("id").asLong());
        }
        String direction = descending ? " DESC" : " ASC";
        try (Connection db = KinemaServer.database();
             PreparedStatement sorted = db.prepareStatement("SELECT array_agg(id ORDER BY key::" + field[1] + direction
                     + ", id" + direction + ") FROM unnest(?::text[], ?::bigint[]) AS t(key, id)")) {
            sorted.setArray(1, db.createArrayOf("text", keys.toArray()));
            sorted.setArray(2, db.createArrayOf("bigint", ids.toArray()));
            try (ResultSet row = sorted.executeQuery()) {
                row.next();
                Array expected = row.getArray(1);
                assertEquals(Arrays.asList((Object[]) expected.getArray()), new ArrayList<Object>(ids), what);
            }
        }
    }
}
