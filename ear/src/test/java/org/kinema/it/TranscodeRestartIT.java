package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A transcoding job cut short by a server restart runs again and publishes the video once. */
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
            assertEquals(2, video.path("state").path("id").asInt(), "still transcoding when the restart comes: " + video);
            progress = video.path("transcodingProgress").asInt();
        }
        assertTrue(progress >= 5, "the job was under way before the restart");

        KinemaServer.restart();

        JsonNode video = Videos.awaitPublished(api, token, uuid);
        assertEquals(3, video.path("streamingPlaylists").path(0).path("files").size(), "one set of renditions");
        assertEquals(1, video.path("files").size(), "one downloadable file");
        Media.Result decoded = Media.decode(video.path("streamingPlaylists").path(0).path("playlistUrl").asText());
        assertEquals(0, decoded.exitCode(), decoded::output);
    }
}
