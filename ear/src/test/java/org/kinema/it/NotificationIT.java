package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/**
 * Notifications as PeerTube makes them, one test per kind, made after the change that calls for
 * them has committed; settings that switch a kind off; reading them; and never a word of a video
 * the user may not watch. No SMTP server is configured here: e-mail settings change nothing else.
 */
@ExtendWith(KinemaServer.class)
class NotificationIT {

    private static final Api API = KinemaServer.api();
    private static final String HOST = API.baseUrl().substring("http://".length());
    private static final int NEW_VIDEO_FROM_SUBSCRIPTION = 1;
    private static final int NEW_COMMENT_ON_MY_VIDEO = 2;
    private static final int MY_VIDEO_PUBLISHED = 6;
    private static final int NEW_USER_REGISTRATION = 9;
    private static final int NEW_FOLLOW = 10;
    private static final int COMMENT_MENTION = 11;
    private static final int MY_VIDEO_TRANSCODING_FAILED = 101;
    private static Path clip;
    private static String publisherName;
    private static String publisher;
    private static String video;

    @BeforeAll
    static void aPublisherWithAVideo() throws Exception {
        clip = Media.clip(Path.of("target", "media", "clip-3s-144p.mp4"), 3, 256, 144);
        publisherName = Fresh.name("npub");
        publisher = API.newUser(publisherName, "secret-password");
        video = Videos.uploaded(API, publisher, clip, Map.of("name", "Notified video"));
        Videos.awaitPublished(API, publisher, video);
    }

    @Test
    void theOwnerIsToldTheirVideoIsPublished() {
        JsonNode published = await(publisher, n -> n.path("type").asInt() == MY_VIDEO_PUBLISHED
                && video.equals(n.path("video").path("uuid").asText()));
        assertEquals("Notified video", published.path("video").path("name").asText());
        assertEquals(publisherName + "_channel", published.path("video").path("channel").path("name").asText());
        assertEquals(HOST, published.path("video").path("channel").path("host").asText());
        assertFalse(published.path("read").asBoolean());
    }

    @Test
    void subscribersAreToldOfNewPublicVideosOnly() throws Exception {
        String name = Fresh.name("nsubs");
        String owner = API.newUser(name, "secret-password");
        String fan = API.newUser(Fresh.name("nfan"), "secret-password");
        subscribe(fan, name + "_channel");
        String secret = Videos.uploaded(API, owner, clip, Map.of("name", "Private news", "privacy", "3"));
        String open = Videos.uploaded(API, owner, clip, Map.of("name", "Public news"));
        Videos.awaitPublished(API, owner, secret);
        Videos.awaitPublished(API, owner, open);

        JsonNode news = await(fan, n -> n.path("type").asInt() == NEW_VIDEO_FROM_SUBSCRIPTION
                && open.equals(n.path("video").path("uuid").asText()));
        assertEquals("Public news", news.path("video").path("name").asText());
        await(owner, n -> n.path("type").asInt() == MY_VIDEO_PUBLISHED && secret.equals(n.path("video").path("uuid").asText()));
        assertFalse(API.get("/api/v1/users/me/notifications?count=100", fan).body().contains(secret),
                "nobody is told of a private video");
    }

    @Test
    void aNotificationOfAVideoTurnedPrivateIsNoLongerShown() throws Exception {
        String name = Fresh.name("nturn");
        String owner = API.newUser(name, "secret-password");
        String fan = API.newUser(Fresh.name("nfan"), "secret-password");
        subscribe(fan, name + "_channel");
        String uuid = Videos.uploaded(API, owner, clip, Map.of("name", "Soon private"));
        Videos.awaitPublished(API, owner, uuid);
        await(fan, n -> uuid.equals(n.path("video").path("uuid").asText()));
        assertEquals(204, API.putJson("/api/v1/videos/" + uuid, owner, Map.of("privacy", 3)).status());
        JsonNode list = API.get("/api/v1/users/me/notifications?count=100", fan).json();
        assertFalse(list.toString().contains(uuid), list::toString);
        assertEquals(list.path("data").size(), list.path("total").asInt());

        assertEquals(204, API.putJson("/api/v1/videos/" + uuid, owner, Map.of("privacy", 1)).status());
        long told = API.get("/api/v1/users/me/notifications?count=100", fan).json().path("data").findValuesAsText("uuid").stream()
                .filter(uuid::equals).count();
        assertEquals(1, told, "public again, it is shown again, once");
    }

    @Test
    void theOwnerIsToldOfANewCommentOnTheirVideo() {
        String commenterName = Fresh.name("ncom");
        String commenter = API.newUser(commenterName, "secret-password");
        JsonNode comment = comment(commenter, video, "Nice video");
        JsonNode told = await(publisher, n -> n.path("type").asInt() == NEW_COMMENT_ON_MY_VIDEO
                && n.path("comment").path("id").asLong() == comment.path("id").asLong());
        assertEquals(video, told.path("comment").path("video").path("uuid").asText());
        assertEquals(commenterName, told.path("comment").path("account").path("name").asText());
        assertEquals(comment.path("id").asLong(), told.path("comment").path("threadId").asLong());
        assertFalse(told.path("comment").path("heldForReview").asBoolean());
    }

    @Test
    void theAuthorOfACommentIsToldOfAReply() {
        String asker = API.newUser(Fresh.name("nask"), "secret-password");
        JsonNode question = comment(asker, video, "Why?");
        Api.Reply answer = API.postJson("/api/v1/videos/" + video + "/comments/" + question.path("id").asLong(), publisher,
                Map.of("text", "Because."));
        assertEquals(200, answer.status(), answer::toString);
        long answerId = answer.json().path("comment").path("id").asLong();
        JsonNode told = await(asker, n -> n.path("type").asInt() == COMMENT_MENTION
                && n.path("comment").path("id").asLong() == answerId);
        assertEquals(question.path("id").asLong(), told.path("comment").path("threadId").asLong());
        assertEquals(publisherName, told.path("comment").path("account").path("name").asText());
    }

    @Test
    void someoneMentionedInACommentIsTold() {
        String mentionedName = Fresh.name("nment");
        String mentioned = API.newUser(mentionedName, "secret-password");
        String writer = API.newUser(Fresh.name("nwrit"), "secret-password");
        JsonNode comment = comment(writer, video, "What do you think, @" + mentionedName + "?");
        await(mentioned, n -> n.path("type").asInt() == COMMENT_MENTION
                && n.path("comment").path("id").asLong() == comment.path("id").asLong());
    }

    @Test
    void nobodyIsToldOfAMentionInACommentOnAVideoTheyMayNotWatch() throws Exception {
        String ownerName = Fresh.name("nprv");
        String owner = API.newUser(ownerName, "secret-password");
        String outsiderName = Fresh.name("nout");
        String outsider = API.newUser(outsiderName, "secret-password");
        String secret = Videos.uploaded(API, owner, clip, Map.of("name", "Private draft", "privacy", "3"));
        Videos.awaitPublished(API, owner, secret);
        comment(owner, secret, "Should I show this to @" + outsiderName + "?");
        JsonNode marker = comment(API.newUser(Fresh.name("nmark"), "secret-password"), video, "Ping @" + outsiderName);
        await(outsider, n -> n.path("comment").path("id").asLong() == marker.path("id").asLong());
        String all = API.get("/api/v1/users/me/notifications?count=100", outsider).body();
        assertFalse(all.contains(secret), all);
        assertEquals(1, API.get("/api/v1/users/me/notifications", outsider).json().path("total").asInt());
    }

    @Test
    void theOwnerIsToldTheirVideoCouldNotBeTranscoded() throws Exception {
        String owner = API.newUser(Fresh.name("nfail"), "secret-password");
        byte[] whole = Files.readAllBytes(clip);
        Path corrupt = Files.createTempFile("corrupt", ".mp4");
        Files.write(corrupt, java.util.Arrays.copyOf(whole, whole.length * 4 / 10));
        String uuid = Videos.uploaded(API, owner, corrupt, Map.of("name", "Broken upload"));
        assertEquals(Videos.FAILED, Videos.awaitTranscoded(API, owner, uuid).path("state").path("id").asInt());
        JsonNode told = await(owner, n -> n.path("type").asInt() == MY_VIDEO_TRANSCODING_FAILED);
        assertEquals(uuid, told.path("video").path("uuid").asText());
        assertEquals(7, told.path("video").path("state").path("id").asInt());
    }

    @Test
    void administratorsAreToldOfARegistration() {
        setSignup(true);
        try {
            String name = Fresh.name("nreg");
            Api.Reply registered = API.postJson("/api/v1/users/register", null,
                    Map.of("username", name, "password", "secret-password", "email", name + "@kinema.test"));
            assertEquals(204, registered.status(), registered::toString);
            JsonNode told = await(API.rootToken(), n -> n.path("type").asInt() == NEW_USER_REGISTRATION
                    && name.equals(n.path("account").path("name").asText()));
            assertEquals(HOST, told.path("account").path("host").asText());
        } finally {
            setSignup(false);
        }
    }

    @Test
    void aChannelsOwnerIsToldOfANewFollower() {
        String fanName = Fresh.name("nflw");
        String fan = API.newUser(fanName, "secret-password");
        subscribe(fan, publisherName + "_channel");
        JsonNode told = await(publisher, n -> n.path("type").asInt() == NEW_FOLLOW
                && fanName.equals(n.path("actorFollow").path("follower").path("name").asText()));
        assertEquals("accepted", told.path("actorFollow").path("state").asText());
        assertEquals("channel", told.path("actorFollow").path("following").path("type").asText());
        assertEquals(publisherName + "_channel", told.path("actorFollow").path("following").path("name").asText());
        assertEquals(HOST, told.path("actorFollow").path("following").path("host").asText());
    }

    @Test
    void notificationsAreMarkedReadOneByOneOrAllAtOnce() {
        String reader = API.newUser(Fresh.name("nread"), "secret-password");
        String readerName = API.get("/api/v1/users/me", reader).json().path("username").asText();
        String writer = API.newUser(Fresh.name("nwr"), "secret-password");
        for (int i = 0; i < 3; i++) {
            comment(writer, video, "Hey @" + readerName + " #" + i);
        }
        List<Long> ids = ids(await(reader, 3));
        assertEquals(3, API.get("/api/v1/users/me/notifications?unread=true", reader).json().path("total").asInt());
        assertEquals(204, API.postJson("/api/v1/users/me/notifications/read", reader, Map.of("ids", List.of(ids.get(0)))).status());
        JsonNode unread = API.get("/api/v1/users/me/notifications?unread=true", reader).json();
        assertEquals(2, unread.path("total").asInt());
        assertFalse(ids(unread).contains(ids.get(0)));
        assertEquals(List.of(ids.get(0)), ids(API.get("/api/v1/users/me/notifications?sort=-read&count=1", reader).json()));
        assertEquals(204, API.postJson("/api/v1/users/me/notifications/read-all", reader, Map.of()).status());
        assertEquals(0, API.get("/api/v1/users/me/notifications?unread=true", reader).json().path("total").asInt());
        assertEquals(3, API.get("/api/v1/users/me/notifications", reader).json().path("total").asInt());

        assertProblem(API.postJson("/api/v1/users/me/notifications/read", reader, Map.of("ids", List.of())), 400);
        assertProblem(API.postJson("/api/v1/users/me/notifications/read", reader, Map.of("ids", List.of("x"))), 400);
        assertProblem(API.get("/api/v1/users/me/notifications?sort=-views", reader), 400);
        assertProblem(API.get("/api/v1/users/me/notifications?unread=maybe", reader), 400);
        assertProblem(API.get("/api/v1/users/me/notifications", null), 401);
    }

    @Test
    void aKindSwitchedOffMakesNothingAndTheSettingsShowInMe() {
        String ownerName = Fresh.name("nset");
        String owner = API.newUser(ownerName, "secret-password");
        JsonNode settings = API.get("/api/v1/users/me", owner).json().path("notificationSettings");
        assertEquals(1, settings.path("newCommentOnMyVideo").asInt(), settings::toString);
        assertEquals(18, settings.size(), settings::toString);
        assertEquals(204, API.putJson("/api/v1/users/me/notification-settings", owner,
                Map.of("newFollow", 0, "commentMention", 3)).status());
        JsonNode changed = API.get("/api/v1/users/me", owner).json().path("notificationSettings");
        assertEquals(0, changed.path("newFollow").asInt());
        assertEquals(3, changed.path("commentMention").asInt());
        assertEquals(1, changed.path("newCommentOnMyVideo").asInt());

        String fanName = Fresh.name("nsfan");
        String fan = API.newUser(fanName, "secret-password");
        subscribe(fan, ownerName + "_channel");
        JsonNode marker = comment(fan, video, "@" + ownerName + " e-mail and web, with no SMTP configured");
        await(owner, n -> n.path("comment").path("id").asLong() == marker.path("id").asLong());
        List<Integer> types = new ArrayList<>();
        API.get("/api/v1/users/me/notifications?count=100", owner).json().path("data")
                .forEach(notification -> types.add(notification.path("type").asInt()));
        assertEquals(List.of(COMMENT_MENTION), types, "no new-follower notification: the kind is switched off");

        assertProblem(API.putJson("/api/v1/users/me/notification-settings", owner, Map.of("newFollow", 4)), 400);
        assertProblem(API.putJson("/api/v1/users/me/notification-settings", owner, Map.of("newFollow", "web")), 400);
        assertProblem(API.putJson("/api/v1/users/me/notification-settings", owner, "[1]"), 400);
        assertProblem(API.putJson("/api/v1/users/me/notification-settings", null, Map.of("newFollow", 1)), 401);
        assertEquals(200, API.get("/health", null).status());
    }

    private static void subscribe(String token, String channel) {
        Api.Reply reply = API.postJson("/api/v1/users/me/subscriptions", token, Map.of("uri", channel + "@" + HOST));
        assertEquals(204, reply.status(), reply::toString);
    }

    private static JsonNode comment(String token, String uuid, String text) {
        Api.Reply reply = API.postJson("/api/v1/videos/" + uuid + "/comment-threads", token, Map.of("text", text));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().path("comment");
    }

    /** Waits (up to a minute) for a notification of the user that matches, and returns it. */
    private static JsonNode await(String token, Predicate<JsonNode> matches) {
        JsonNode list = awaitList(token, notifications -> {
            for (JsonNode notification : notifications.path("data")) {
                if (matches.test(notification)) {
                    return true;
                }
            }
            return false;
        });
        for (JsonNode notification : list.path("data")) {
            if (matches.test(notification)) {
                return notification;
            }
        }
        throw new AssertionError("Unreachable");
    }

    /** Waits (up to a minute) until the user has this many notifications, and returns them. */
    private static JsonNode await(String token, int count) {
        return awaitList(token, notifications -> notifications.path("total").asInt() >= count);
    }

    /** Waits (up to a minute) until the user's notifications (100 newest) are as expected, and returns them. */
    private static JsonNode awaitList(String token, Predicate<JsonNode> expected) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        JsonNode list = null;
        while (Instant.now().isBefore(deadline)) {
            list = API.get("/api/v1/users/me/notifications?count=100", token).json();
            if (expected.test(list)) {
                return list;
            }
            sleep();
        }
        throw new AssertionError("Not the notifications expected: " + list);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.path("data").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    private static void setSignup(boolean enabled) {
        Api.Reply reply = API.putJson("/api/v1/config/custom", API.rootToken(), Map.of("signup", Map.of("enabled", enabled)));
        assertEquals(200, reply.status(), reply::toString);
    }
}
