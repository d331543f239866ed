package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A transcoding job cut short by a server restart runs again and completes the video once; the
 * video, published while it encoded, stays watchable meanwhile (from what the first job made).
 */
@ExtendWith(KinemaServer.class)
class TranscodeRestartIT {

    private final Api api = KinemaServer.api();

    @Test
    void jobInterruptedByARestartIsTakenUpAndCompletesOnce() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-60s-360p.mp4"), 60, 640, 360);
        String token = api.rootToken();
        String uuid = Videos.uploaded(api, token, clip, Map.of("name", "Long lecture"));

        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        int progress = 0;
        while (progress < 5 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            JsonNode video = api.get("/api/v1/videos/" + uuid, token).json();
            assertFalse(Videos.complete(video), "still transcoding when the restart comes: " + video);
            progress = video.path("transcodingProgress").asInt();
        }
        assertTrue(progress >= 5, "the job was under way before the restart");
        JsonNode watchable = Eventually.await("the video to be watchable while it encodes",
                () -> api.get("/api/v1/videos/" + uuid, token).json(), video -> video.path("state").path("id").asInt() == 1);
        String master = watchable.path("streamingPlaylists").path(0).path("playlistUrl").asText();
        assertFalse(Videos.complete(watchable), "published before its ladder was complete: " + watchable);

        KinemaServer.restart();

        // the job runs again from the start (a minute of video takes it far longer than these requests)
        JsonNode afterRestart = api.get("/api/v1/videos/" + uuid, token).json();
        assertFalse(Videos.complete(afterRestart), "encoding again: " + afterRestart);
        assertEquals(1, afterRestart.path("state").path("id").asInt(), "still published: " + afterRestart);
        assertEquals(master, afterRestart.path("streamingPlaylists").path(0).path("playlistUrl").asText());
        assertEquals(200, api.get(URI.create(master).getPath(), null).status(), "still watchable after the restart");

        JsonNode video = Videos.awaitPublished(api, token, uuid);
        assertEquals(3, video.path("streamingPlaylists").path(0).path("files").size(), "one set of renditions");
        assertEquals(1, video.path("files").size(), "one downloadable file");
        Media.Result decoded = Media.decode(video.path("streamingPlaylists").path(0).path("playlistUrl").asText());
        assertEquals(0, decoded.exitCode(), decoded::output);
    }
}
