package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/**
 * Comments as PeerTube has them: threads and replies, tombstones, approval, sorting, Markdown
 * made safe HTML, mentions, the moderators' and the owner's lists, and never a comment of a video
 * one may not watch.
 */
@ExtendWith(KinemaServer.class)
class CommentIT {

    private static final Api API = KinemaServer.api();
    private static String owner;
    private static String ownerName;
    private static String viewer;
    private static String viewerName;
    private static String stranger;
    private static final Map<String, String> VIDEOS = new LinkedHashMap<>();

    @BeforeAll
    static void videosOfEveryPrivacyAndPolicy() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-3s-144p.mp4"), 3, 256, 144);
        ownerName = Fresh.name("cowner");
        owner = API.newUser(ownerName, "secret-password");
        viewerName = Fresh.name("cviewer");
        viewer = API.newUser(viewerName, "secret-password");
        stranger = API.newUser(Fresh.name("cstrgr"), "secret-password");
        Map<String, Map<String, String>> fields = new LinkedHashMap<>();
        fields.put("public", Map.of("privacy", "1"));
        fields.put("sorted", Map.of("privacy", "1"));
        fields.put("private", Map.of("privacy", "3"));
        fields.put("unlisted", Map.of("privacy", "2"));
        fields.put("internal", Map.of("privacy", "4"));
        fields.put("disabled", Map.of("privacy", "1", "commentsEnabled", "false"));
        fields.put("moderated", Map.of("privacy", "1", "commentsPolicy", "3"));
        fields.forEach((key, value) -> VIDEOS.put(key, Videos.uploaded(API, owner, clip, withName(value, "Comments " + key))));
        for (String uuid : VIDEOS.values()) {
            Videos.awaitPublished(API, owner, uuid);
        }
    }

    @Test
    void aThreadIsATreeOfRepliesWithItsCounts() {
        JsonNode root = post("public", viewer, "A question");
        JsonNode answer = reply("public", owner, root, "An answer from the author");
        JsonNode followUp = reply("public", viewer, answer, "Thanks!");
        reply("public", stranger, root, "Me too");

        JsonNode tree = API.get(threadPath("public", root), null).json();
        assertEquals(root.path("id").asLong(), tree.path("comment").path("id").asLong());
        assertEquals(2, tree.path("children").size(), tree::toString);
        JsonNode first = tree.path("children").path(0);
        assertEquals(answer.path("id").asLong(), first.path("comment").path("id").asLong());
        assertEquals(followUp.path("id").asLong(), first.path("children").path(0).path("comment").path("id").asLong());
        assertEquals(root.path("id").asLong(), first.path("children").path(0).path("comment").path("threadId").asLong());
        assertEquals(answer.path("id").asLong(), first.path("children").path(0).path("comment").path("inReplyToCommentId").asLong());

        JsonNode listed = thread(API.get(threadsPath("public") + "?count=100", null).json(), root.path("id").asLong());
        assertEquals(3, listed.path("totalReplies").asInt(), listed::toString);
        assertEquals(1, listed.path("totalRepliesFromVideoAuthor").asInt(), listed::toString);
    }

    @Test
    void aCommentHasItsUrlAndAccountAndIsNotYetDeleted() {
        JsonNode comment = post("public", viewer, "Hello there");
        assertEquals(API.baseUrl() + "/videos/watch/" + VIDEOS.get("public") + "/comments/" + comment.path("id").asLong(),
                comment.path("url").asText());
        assertEquals(viewerName, comment.path("account").path("name").asText());
        assertEquals(API.baseUrl().substring("http://".length()), comment.path("account").path("host").asText());
        assertFalse(comment.path("isDeleted").asBoolean());
        assertTrue(comment.path("deletedAt").isNull());
        assertEquals(comment.path("id").asLong(), comment.path("threadId").asLong());
        assertTrue(comment.path("inReplyToCommentId").isNull());
    }

    @Test
    void aDeletedCommentWithRepliesStaysAsATombstone() {
        JsonNode root = post("public", viewer, "Soon deleted");
        JsonNode answer = reply("public", stranger, root, "An answer that stays");
        assertEquals(204, API.delete(commentPath("public", root), viewer).status());

        JsonNode tree = API.get(threadPath("public", root), null).json();
        JsonNode tombstone = tree.path("comment");
        assertTrue(tombstone.path("isDeleted").asBoolean(), tombstone::toString);
        assertFalse(tombstone.path("deletedAt").isNull());
        assertEquals("", tombstone.path("text").asText());
        assertTrue(tombstone.path("account").isNull());
        assertEquals(answer.path("id").asLong(), tree.path("children").path(0).path("comment").path("id").asLong());
        assertProblem(API.delete(commentPath("public", root), viewer), 409);
        assertProblem(API.postJson(commentPath("public", root), stranger, Map.of("text", "To nobody")), 400);

        assertEquals(204, API.delete(commentPath("public", answer), stranger).status());
        assertProblem(API.get(threadPath("public", root), null), 404);
    }

    @Test
    void theCommentsOfADeletedUserStayAsTombstones() {
        String leaverName = Fresh.name("cleave");
        String leaver = API.newUser(leaverName, "secret-password");
        JsonNode root = post("public", leaver, "I will leave");
        JsonNode answer = reply("public", viewer, root, "Goodbye");
        long leaverId = API.get("/api/v1/users/me", leaver).json().path("id").asLong();
        assertEquals(204, API.delete("/api/v1/users/" + leaverId, API.rootToken()).status());

        JsonNode tree = API.get(threadPath("public", root), null).json();
        assertTrue(tree.path("comment").path("isDeleted").asBoolean(), tree::toString);
        assertTrue(tree.path("comment").path("account").isNull());
        assertEquals(answer.path("id").asLong(), tree.path("children").path(0).path("comment").path("id").asLong());
        assertEquals(1, thread(API.get(threadsPath("public") + "?count=100", null).json(), root.path("id").asLong())
                .path("totalReplies").asInt());
    }

    @Test
    void aDeletedCommentWithoutRepliesGoes() {
        JsonNode root = post("public", viewer, "Alone");
        assertEquals(204, API.delete(commentPath("public", root), viewer).status());
        assertProblem(API.get(threadPath("public", root), null), 404);
        assertFalse(ids(API.get(threadsPath("public") + "?count=100", null).json()).contains(root.path("id").asLong()));
    }

    @Test
    void onlyTheAuthorAndWhoeverManagesTheVideoDeleteAComment() {
        JsonNode comment = post("public", viewer, "Mine");
        assertProblem(API.delete(commentPath("public", comment), stranger), 403);
        assertProblem(API.delete(commentPath("public", comment), null), 401);
        assertEquals(204, API.delete(commentPath("public", comment), owner).status());
        assertEquals(204, API.delete(commentPath("public", post("public", stranger, "Moderated away")), API.rootToken()).status());
    }

    @Test
    void threadsAreSortedNewestOrMostRepliedFirstEitherWay() {
        JsonNode quiet = post("sorted", viewer, "Quiet thread");
        JsonNode busy = post("sorted", viewer, "Busy thread");
        JsonNode middle = post("sorted", viewer, "Middle thread");
        for (int i = 0; i < 3; i++) {
            reply("sorted", stranger, busy, "Reply " + i);
        }
        reply("sorted", stranger, middle, "Only reply");
        long q = quiet.path("id").asLong();
        long b = busy.path("id").asLong();
        long m = middle.path("id").asLong();
        assertEquals(List.of(m, b, q), ids(API.get(threadsPath("sorted"), null).json()));
        assertEquals(List.of(m, b, q), ids(API.get(threadsPath("sorted") + "?sort=-createdAt", null).json()));
        assertEquals(List.of(q, b, m), ids(API.get(threadsPath("sorted") + "?sort=createdAt", null).json()));
        assertEquals(List.of(b, m, q), ids(API.get(threadsPath("sorted") + "?sort=-totalReplies", null).json()));
        assertEquals(List.of(q, m, b), ids(API.get(threadsPath("sorted") + "?sort=totalReplies", null).json()));
        JsonNode page = API.get(threadsPath("sorted") + "?sort=-totalReplies&start=1&count=1", null).json();
        assertEquals(3, page.path("total").asInt());
        assertEquals(7, page.path("totalNotDeletedComments").asInt());
        assertEquals(List.of(m), ids(page));
        assertProblem(API.get(threadsPath("sorted") + "?sort=-likes", null), 400);
        assertProblem(API.get(threadsPath("sorted") + "?count=0", null), 400);
    }

    @Test
    void markdownComesOutAsHtmlWithoutScriptsOrJavascriptLinks() {
        JsonNode comment = post("public", viewer, "**Bold** and *soft*\n\n<script>alert('x')</script>"
                + "[click](javascript:alert(1)) <a href=\"javascript:alert(2)\" onclick=\"alert(3)\">raw</a>"
                + " <img src=x onerror=alert(4)> https://example.org/page");
        String html = comment.path("text").asText();
        assertTrue(html.contains("<strong>Bold</strong>") && html.contains("<em>soft</em>"), html);
        assertTrue(html.contains("<a href=\"https://example.org/page\""), html);
        for (String text : List.of(html, API.get(threadPath("public", comment), null).json().path("comment").path("text").asText())) {
            String lower = text.toLowerCase();
            assertFalse(lower.contains("<script") || lower.contains("javascript:") || lower.contains("onerror")
                    || lower.contains("onclick") || lower.contains("<img"), text);
        }
    }

    @Test
    void mentionsOfAccountsHereAndElsewhereAreStored() throws Exception {
        JsonNode comment = post("public", stranger, "Hi @" + viewerName + " and @someone@peertube.example, mail a@b.example");
        Set<String> mentions = new TreeSet<>();
        try (Connection db = KinemaServer.database();
             PreparedStatement query = db.prepareStatement("SELECT name, coalesce(host, ''), account_id IS NOT NULL"
                     + " FROM kinema.video_comment_mention WHERE comment_id = ?")) {
            query.setLong(1, comment.path("id").asLong());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    mentions.add(rows.getString(1) + "@" + rows.getString(2) + ":" + rows.getBoolean(3));
                }
            }
        }
        assertEquals(new TreeSet<>(Set.of(viewerName + "@:true", "someone@peertube.example:false")), mentions);
    }

    @Test
    void textThatIsEmptyOrTooLongIsRefused() {
        assertProblem(API.postJson(threadsPath("public"), viewer, Map.of("text", "")), 400);
        assertProblem(API.postJson(threadsPath("public"), viewer, Map.of("text", "   \n ")), 400);
        assertProblem(API.postJson(threadsPath("public"), viewer, Map.of("text", "x".repeat(10_001))), 400);
        assertProblem(API.postJson(threadsPath("public"), viewer, Map.of()), 400);
        assertProblem(API.postJson(threadsPath("public"), viewer, "[]"), 400);
        assertProblem(API.postJson(threadsPath("public"), null, Map.of("text", "Anonymous")), 401);
        assertEquals(200, API.postJson(threadsPath("public"), viewer, Map.of("text", "x".repeat(10_000))).status());
    }

    @Test
    void aReplyToACommentOfAnotherVideoIsRefused() {
        JsonNode elsewhere = post("public", viewer, "On the public video");
        assertProblem(API.postJson("/api/v1/videos/" + VIDEOS.get("unlisted") + "/comments/" + elsewhere.path("id").asLong(),
                viewer, Map.of("text", "Wrong video")), 404);
        assertProblem(API.get("/api/v1/videos/" + VIDEOS.get("unlisted") + "/comment-threads/" + elsewhere.path("id").asLong(),
                viewer), 404);
        assertProblem(API.postJson("/api/v1/videos/" + VIDEOS.get("public") + "/comments/999999999", viewer,
                Map.of("text", "To nothing")), 404);
        assertProblem(API.postJson("/api/v1/videos/" + VIDEOS.get("public") + "/comments/abc", viewer, Map.of("text", "x")), 400);
    }

    @Test
    void aVideoWithCommentsDisabledShowsNoneAndTakesNone() {
        JsonNode video = API.get("/api/v1/videos/" + VIDEOS.get("disabled"), null).json();
        assertFalse(video.path("commentsEnabled").asBoolean());
        assertEquals(2, video.path("commentsPolicy").path("id").asInt());
        JsonNode threads = API.get(threadsPath("disabled"), null).json();
        assertEquals(0, threads.path("total").asInt());
        assertEquals(0, threads.path("data").size());
        assertProblem(API.postJson(threadsPath("disabled"), viewer, Map.of("text", "Let me in")), 409);
    }

    @Test
    void theCommentsPolicyIsTakenAsPolicyOrAsEnabledFlag() {
        String path = "/api/v1/videos/" + VIDEOS.get("unlisted");
        try {
            assertEquals(204, API.putJson(path, owner, Map.of("commentsPolicy", 3)).status());
            JsonNode video = API.get(path, null).json();
            assertEquals(3, video.path("commentsPolicy").path("id").asInt());
            assertEquals("Requires approval", video.path("commentsPolicy").path("label").asText());
            assertTrue(video.path("commentsEnabled").asBoolean());
            assertEquals(204, API.putJson(path, owner, Map.of("commentsEnabled", false)).status());
            assertEquals(2, API.get(path, null).json().path("commentsPolicy").path("id").asInt());
            assertProblem(API.putJson(path, owner, Map.of("commentsPolicy", 4)), 400);
        } finally {
            API.putJson(path, owner, Map.of("commentsPolicy", 1));
        }
    }

    @Test
    void aCommentHeldForReviewIsSeenByItsAuthorAndTheOwnerUntilApproved() {
        JsonNode held = post("moderated", viewer, "Please approve me");
        assertTrue(held.path("heldForReview").asBoolean(), held::toString);
        long id = held.path("id").asLong();
        assertFalse(ids(API.get(threadsPath("moderated") + "?count=100", null).json()).contains(id));
        assertFalse(ids(API.get(threadsPath("moderated") + "?count=100", stranger).json()).contains(id));
        assertTrue(ids(API.get(threadsPath("moderated") + "?count=100", viewer).json()).contains(id));
        assertTrue(ids(API.get(threadsPath("moderated") + "?count=100", owner).json()).contains(id));
        assertProblem(API.get(threadPath("moderated", held), stranger), 404);
        assertProblem(API.postJson(commentPath("moderated", held), stranger, Map.of("text", "Cannot see it")), 404);
        assertTrue(ids(API.get("/api/v1/users/me/videos/comments?isHeldForReview=true&count=100", owner).json()).contains(id));

        assertProblem(API.postJson(commentPath("moderated", held) + "/approve", stranger, Map.of()), 403);
        assertProblem(API.postJson(commentPath("moderated", held) + "/approve", viewer, Map.of()), 403);
        assertEquals(204, API.postJson(commentPath("moderated", held) + "/approve", owner, Map.of()).status());
        assertTrue(ids(API.get(threadsPath("moderated") + "?count=100", null).json()).contains(id));
        assertFalse(API.get(threadPath("moderated", held), null).json().path("comment").path("heldForReview").asBoolean());
        assertProblem(API.postJson(commentPath("moderated", held) + "/approve", owner, Map.of()), 400);

        JsonNode byOwner = post("moderated", owner, "The owner is never held");
        assertFalse(byOwner.path("heldForReview").asBoolean());
    }

    @Test
    void nobodyReadsOrWritesCommentsOfAPrivateVideoButItsOwner() {
        JsonNode own = post("private", owner, "Note to self");
        assertProblem(API.get(threadsPath("private"), null), 401);
        assertProblem(API.get(threadsPath("private"), stranger), 403);
        assertProblem(API.get(threadPath("private", own), stranger), 403);
        assertProblem(API.postJson(threadsPath("private"), stranger, Map.of("text", "Let me in")), 403);
        assertProblem(API.postJson(commentPath("private", own), stranger, Map.of("text", "Let me in")), 403);
        assertProblem(API.delete(commentPath("private", own), stranger), 403);
        assertTrue(ids(API.get(threadsPath("private"), owner).json()).contains(own.path("id").asLong()));
    }

    @Test
    void commentsOfAnInternalVideoAreForPeopleLoggedIn() {
        JsonNode comment = post("internal", stranger, "Logged in");
        assertProblem(API.get(threadsPath("internal"), null), 401);
        assertProblem(API.get(threadPath("internal", comment), null), 401);
        assertTrue(ids(API.get(threadsPath("internal"), viewer).json()).contains(comment.path("id").asLong()));
    }

    @Test
    void commentsOfAnUnlistedVideoAreForAnyoneWithItsLink() {
        JsonNode comment = post("unlisted", viewer, "Found the link");
        assertTrue(ids(API.get(threadsPath("unlisted"), null).json()).contains(comment.path("id").asLong()));
    }

    @Test
    void moderatorsListEveryCommentWithFilters() {
        JsonNode comment = post("internal", viewer, "Findable needle " + Fresh.name("n"));
        String token = API.rootToken();
        JsonNode found = API.get("/api/v1/videos/comments?search=findable%20needle&videoId=" + id("internal"), token).json();
        assertTrue(found.path("total").asInt() >= 1, found::toString);
        JsonNode item = found.path("data").path(0);
        assertEquals(comment.path("id").asLong(), item.path("id").asLong());
        assertEquals(VIDEOS.get("internal"), item.path("video").path("uuid").asText());
        assertEquals("Comments internal", item.path("video").path("name").asText());
        assertEquals(viewerName, item.path("account").path("name").asText());
        assertTrue(API.get("/api/v1/videos/comments?searchAccount=" + viewerName + "&isLocal=true&onLocalVideo=true", token)
                .json().path("total").asInt() >= 1);
        assertEquals(0, API.get("/api/v1/videos/comments?searchAccount=" + viewerName + "&isLocal=false", token)
                .json().path("total").asInt());
        assertProblem(API.get("/api/v1/videos/comments", viewer), 403);
        assertProblem(API.get("/api/v1/videos/comments", null), 401);
        assertProblem(API.get("/api/v1/videos/comments?videoId=x", token), 400);
        assertProblem(API.get("/api/v1/videos/comments?sort=-totalReplies", token), 400);
    }

    @Test
    void anOwnerListsTheCommentsOnTheirOwnVideosOnly() {
        JsonNode comment = post("unlisted", stranger, "For the owner's list");
        JsonNode mine = API.get("/api/v1/users/me/videos/comments?count=100", owner).json();
        assertTrue(ids(mine).contains(comment.path("id").asLong()), mine::toString);
        assertEquals(0, API.get("/api/v1/users/me/videos/comments", stranger).json().path("total").asInt());
        assertProblem(API.get("/api/v1/users/me/videos/comments", null), 401);
    }

    private static JsonNode post(String video, String token, String text) {
        Api.Reply reply = API.postJson(threadsPath(video), token, Map.of("text", text));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().path("comment");
    }

    private static JsonNode reply(String video, String token, JsonNode to, String text) {
        Api.Reply reply = API.postJson(commentPath(video, to), token, Map.of("text", text));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().path("comment");
    }

    private static String threadsPath(String video) {
        return "/api/v1/videos/" + VIDEOS.get(video) + "/comment-threads";
    }

    private static String threadPath(String video, JsonNode comment) {
        return threadsPath(video) + "/" + comment.path("id").asLong();
    }

    private static String commentPath(String video, JsonNode comment) {
        return "/api/v1/videos/" + VIDEOS.get(video) + "/comments/" + comment.path("id").asLong();
    }

    private static long id(String video) {
        return API.get("/api/v1/videos/" + VIDEOS.get(video), API.rootToken()).json().path("id").asLong();
    }

    private static JsonNode thread(JsonNode list, long id) {
        for (JsonNode thread : list.path("data")) {
            if (thread.path("id").asLong() == id) {
                return thread;
            }
        }
        throw new AssertionError("Thread " + id + " is not listed: " + list);
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.path("data").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    private static Map<String, String> withName(Map<String, String> fields, String name) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("name", name);
        return all;
    }
}
