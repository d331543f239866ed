package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Uploading videos and waiting for their transcoding, for tests. */
public final class Videos {

    public static final int PUBLISHED = 1;
    public static final int FAILED = 7;

    private Videos() {
    }

    public static long channelOf(Api api, String token) {
        return api.get("/api/v1/users/me", token).json().path("videoChannels").path(0).path("id").asLong();
    }

    /** Uploads a file in one multipart request; returns the reply. */
    public static Api.Reply upload(Api api, String token, Path file, Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(Map.of("channelId", String.valueOf(channelOf(api, token)),
                "name", "Clip " + Fresh.name("v"), "privacy", "1"));
        all.putAll(fields);
        return api.postMultipart("/api/v1/videos/upload", token, all, Map.of("videofile", file));
    }

    /** Uploads and returns the new video's UUID, failing the test if the upload is refused. */
    public static String uploaded(Api api, String token, Path file, Map<String, String> fields) {
        Api.Reply reply = upload(api, token, file, fields);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().path("video").path("uuid").asText();
    }

    /** Waits until the video leaves transcoding, fails the test unless it was published, and returns its details. */
    public static JsonNode awaitPublished(Api api, String token, String uuid) throws InterruptedException {
        JsonNode video = awaitTranscoded(api, token, uuid);
        assertEquals(PUBLISHED, video.path("state").path("id").asInt(), video::toString);
        return video;
    }

    /**
     * Waits until the video's transcoding is over (published with its complete ladder, or failed)
     * and returns its details. A video published while encoding is watchable before that: as
     * PeerTube clients see it, it is published and its streaming playlist has no files yet.
     */
    public static JsonNode awaitTranscoded(Api api, String token, String uuid) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        JsonNode video = null;
        while (Instant.now().isBefore(deadline)) {
            video = api.get("/api/v1/videos/" + uuid, token).json();
            int state = video.path("state").path("id").asInt();
            if (state == PUBLISHED && complete(video) || state == FAILED) {
                return video;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("Video " + uuid + " still transcoding: " + video);
    }

    /** Whether a published video's ladder is complete: its renditions are listed, with their torrents. */
    public static boolean complete(JsonNode video) {
        return video.path("streamingPlaylists").path(0).path("files").size() > 0;
    }
}
