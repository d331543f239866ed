package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/**
 * Deliveries: a public video, once published, is announced as PeerTube announces it (by its channel
 * and by the instance actor, object = the video's URL) to each remote follower's shared inbox once,
 * signed so that the inbox verifies it; a private video is not; a dead inbox is retried later and
 * shown to administrators among the jobs, without delaying the others.
 */
@ExtendWith(KinemaServer.class)
class DeliveryIT {

    private static final Api API = KinemaServer.api();
    private static InboxSink sink;

    @BeforeAll
    static void remoteInboxes() throws Exception {
        sink = new InboxSink(8);
    }

    @AfterAll
    static void closeThem() {
        if (sink != null) {
            sink.close();
        }
    }

    @Test
    void aPublishedPublicVideoIsAnnouncedOncePerSharedInboxSignedAndADeadInboxWaitsItsTurn(@TempDir Path dir) throws Exception {
        String owner = Fresh.name("announcer");
        String token = API.newUser(owner, "announcer-password");
        long channelActor = RemoteFollowers.channelActor(Videos.channelOf(API, token));
        String shared = sink.host(0);
        String personal = sink.host(1);
        String dead = "127.0.0.9:" + closedPort();
        RemoteFollowers.follow(RemoteFollowers.person(shared, "ann", "http://" + shared + "/accounts/ann/inbox", "http://" + shared + "/inbox"), channelActor);
        RemoteFollowers.follow(RemoteFollowers.person(shared, "bob", "http://" + shared + "/accounts/bob/inbox", "http://" + shared + "/inbox"), channelActor);
        RemoteFollowers.follow(RemoteFollowers.person(personal, "cid", "http://" + personal + "/accounts/cid/inbox", null), channelActor);
        RemoteFollowers.follow(RemoteFollowers.person(dead, "dee", "http://" + dead + "/accounts/dee/inbox", "http://" + dead + "/inbox"), channelActor);

        Path clip = Media.clip(dir.resolve("clip.mp4"), 2, 320, 240);
        String open = Videos.uploaded(API, token, clip, Map.of("name", "Announced", "privacy", "1"));
        String closed = Videos.uploaded(API, token, clip, Map.of("name", "Kept home", "privacy", "3"));
        Videos.awaitPublished(API, token, open);
        Videos.awaitPublished(API, token, closed);
        String url = API.baseUrl() + "/videos/watch/" + open;

        List<InboxSink.Received> atShared = await(received -> received.host().equals(shared), 2);
        List<InboxSink.Received> atPersonal = await(received -> received.host().equals(personal), 2);
        Thread.sleep(1500);
        assertEquals(2, sink.received().stream().filter(received -> received.host().equals(shared)).count(),
                "one delivery per shared inbox for its two followers, by the channel and by the instance");
        for (InboxSink.Received received : atShared) {
            assertEquals("/inbox", received.path());
        }
        assertEquals("/accounts/cid/inbox", atPersonal.get(0).path());
        JsonNode byChannel = byActorEnding(atShared, "/video-channels/" + owner + "_channel");
        JsonNode byInstance = byActorEnding(atShared, "/accounts/peertube");
        for (JsonNode announce : List.of(byChannel, byInstance)) {
            assertEquals("Announce", announce.path("type").asText());
            assertEquals(url, announce.path("object").asText());
            assertTrue(announce.path("id").asText().startsWith(url + "/announces/"), announce::toString);
            assertEquals("https://www.w3.org/ns/activitystreams#Public", announce.path("to").path(0).asText());
        }
        assertEquals(0, sink.refused(), "every delivery verified against its signer's published key");
        assertTrue(sink.received().stream().noneMatch(received -> received.activity().toString().contains(closed)),
                "a private video is announced to no one");

        String admin = API.rootToken();
        JsonNode completed = API.get("/api/v1/jobs/completed?count=100", admin).json();
        assertTrue(hasJobFor(completed, "http://" + shared + "/inbox"), completed::toString);
        assertEquals("activitypub-http-unicast", completed.path("data").path(0).path("type").asText());
        JsonNode delayed = awaitJob("delayed", "http://" + dead + "/inbox");
        assertTrue(delayed.path("error").asText().length() > 0, delayed::toString);
        JsonNode hosts = API.get("/api/v1/federation/remote-hosts?count=100", admin).json();
        JsonNode deadHost = find(hosts.path("data"), host -> host.path("host").asText().equals(dead));
        assertTrue(deadHost.path("failures").asInt() >= 1, hosts::toString);
        assertTrue(deadHost.path("waiting").asInt() >= 2, hosts::toString);

        assertProblem(API.get("/api/v1/jobs/completed", token), 403);
        assertProblem(API.get("/api/v1/jobs/sideways", admin), 400);
        assertProblem(API.get("/api/v1/jobs/failed?sort=-name", admin), 400);
    }

    @Test
    void anEditedVideoReachesItsFollowersAsAnUpdateOfItsWholeDocumentAndAVideoMadePrivateAsADelete(@TempDir Path dir)
            throws Exception {
        String owner = Fresh.name("editor");
        String token = API.newUser(owner, "editor-password");
        long channelActor = RemoteFollowers.channelActor(Videos.channelOf(API, token));
        String follower = sink.host(2);
        RemoteFollowers.follow(RemoteFollowers.person(follower, "eve", "http://" + follower + "/accounts/eve/inbox", "http://" + follower + "/inbox"), channelActor);
        String uuid = Videos.uploaded(API, token, Media.clip(dir.resolve("clip.mp4"), 2, 320, 240),
                Map.of("name", "Before the edit", "privacy", "1"));
        Videos.awaitPublished(API, token, uuid);
        String url = API.baseUrl() + "/videos/watch/" + uuid;
        await(received -> received.host().equals(follower) && isAbout(received, "Announce", url), 2);

        assertEquals(204, API.putJson("/api/v1/videos/" + uuid, token,
                Map.of("name", "After the edit", "description", "Now with words", "tags", List.of("edited"))).status());
        JsonNode update = await(received -> received.host().equals(follower) && isAbout(received, "Update", url), 1).get(0)
                .activity();
        assertEquals(API.baseUrl() + "/accounts/" + owner, update.path("actor").asText());
        assertTrue(update.path("id").asText().startsWith(url + "/updates/"), update::toString);
        assertEquals("https://www.w3.org/ns/activitystreams#Public", update.path("to").path(0).asText());
        assertEquals(API.baseUrl() + "/accounts/" + owner + "/followers", update.path("cc").path(0).asText());
        JsonNode video = update.path("object");
        assertEquals("Video", video.path("type").asText());
        assertEquals("After the edit", video.path("name").asText());
        assertEquals("Now with words", video.path("content").asText());
        assertEquals("edited", video.path("tag").path(0).path("name").asText());
        assertTrue(video.path("url").size() > 0, "the object is the whole document, with its files: " + video);
        assertTrue(update.path("@context").isArray(), update::toString);

        assertEquals(204, API.putJson("/api/v1/videos/" + uuid, token, Map.of("privacy", 3)).status());
        await(received -> received.host().equals(follower) && isAbout(received, "Delete", url), 1);
        Thread.sleep(1500);
        assertEquals(1, sink.received().stream().filter(received -> isAbout(received, "Update", url)).count(),
                "a video made private is retracted, not updated");
        assertEquals(0, sink.refused(), "every delivery verified against its signer's published key");
    }

    /** Whether a delivery is an activity of this type about the video at {@code url}. */
    private static boolean isAbout(InboxSink.Received received, String type, String url) {
        JsonNode object = received.activity().path("object");
        return type.equals(received.activity().path("type").asText())
                && url.equals(object.isTextual() ? object.asText() : object.path("id").asText());
    }

    private static List<InboxSink.Received> await(Predicate<InboxSink.Received> which, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            List<InboxSink.Received> found = sink.received().stream().filter(which).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Expected " + count + " deliveries, got " + sink.received());
    }

    private static JsonNode awaitJob(String state, String inbox) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode jobs = null;
        while (Instant.now().isBefore(deadline)) {
            jobs = API.get("/api/v1/jobs/" + state + "?count=100", API.rootToken()).json();
            for (JsonNode job : jobs.path("data")) {
                if (job.path("data").path("uri").asText().equals(inbox)) {
                    return job;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("No " + state + " job for " + inbox + ": " + jobs);
    }

    private static boolean hasJobFor(JsonNode jobs, String inbox) {
        for (JsonNode job : jobs.path("data")) {
            if (job.path("data").path("uri").asText().equals(inbox)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode byActorEnding(List<InboxSink.Received> received, String suffix) {
        return received.stream().map(InboxSink.Received::activity).filter(activity -> activity.path("actor").asText().endsWith(suffix))
                .findFirst().orElseThrow(() -> new AssertionError("No activity by " + suffix + " in " + received));
    }

    private static JsonNode find(JsonNode items, Predicate<JsonNode> which) {
        for (JsonNode item : items) {
            if (which.test(item)) {
                return item;
            }
        }
        throw new AssertionError("Not found in " + items);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
