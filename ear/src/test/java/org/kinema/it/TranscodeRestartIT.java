package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinema.media.LadderEncoder;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A transcoding job cut short by a server restart is taken up and completes the video once: the
 * video, published while it encoded, stays watchable meanwhile (from what the first job made), and
 * the new job resumes after the segments the first one finished instead of encoding them again;
 * the joined ladder has every frame of the source once, on the segment grid, and decodes cleanly.
 */
@ExtendWith(KinemaServer.class)
class TranscodeRestartIT {

    private static final int SECONDS = 120;
    private final Api api = KinemaServer.api();

    @Test
    void jobInterruptedByARestartResumesWhereItStoppedAndCompletesOnce() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-" + SECONDS + "s-360p.mp4"), SECONDS, 640, 360);
        String token = api.rootToken();
        String uuid = Videos.uploaded(api, token, clip, Map.of("name", "Long lecture"));

        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        int progress = 0;
        JsonNode watchable = null;
        while ((progress < 30 || watchable == null) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            JsonNode video = api.get("/api/v1/videos/" + uuid, token).json();
            assertFalse(Videos.complete(video), "still transcoding when the restart comes: " + video);
            progress = video.path("transcodingProgress").asInt();
            if (video.path("state").path("id").asInt() == Videos.PUBLISHED) {
                watchable = video;
            }
        }
        assertTrue(progress >= 30 && watchable != null, "the job was under way, the video watchable, before the restart");
        String master = watchable.path("streamingPlaylists").path(0).path("playlistUrl").asText();

        KinemaServer.restart();

        JsonNode afterRestart = api.get("/api/v1/videos/" + uuid, token).json();
        assertFalse(Videos.complete(afterRestart), "encoding again: " + afterRestart);
        assertEquals(1, afterRestart.path("state").path("id").asInt(), "still published: " + afterRestart);
        assertEquals(master, afterRestart.path("streamingPlaylists").path(0).path("playlistUrl").asText());
        assertEquals(200, api.get(URI.create(master).getPath(), null).status(), "still watchable after the restart");

        // resumed, not begun again: the progress never falls back far (a new encode from the start would show 0 %, 1 %, ...)
        int lowest = 100;
        JsonNode video = afterRestart;
        deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (!Videos.complete(video) && Instant.now().isBefore(deadline)) {
            lowest = Math.min(lowest, video.path("transcodingProgress").asInt());
            Thread.sleep(200);
            video = api.get("/api/v1/videos/" + uuid, token).json();
        }
        assertTrue(Videos.complete(video), "completed: " + video);
        assertTrue(lowest >= progress - 10, "resumed near " + progress + " %, not from the start: lowest " + lowest + " %");

        assertEquals(3, video.path("streamingPlaylists").path(0).path("files").size(), "one set of renditions");
        assertEquals(1, video.path("files").size(), "one downloadable file");
        String playlistUrl = video.path("streamingPlaylists").path(0).path("playlistUrl").asText();
        Media.Result decoded = Media.decode(playlistUrl);
        assertEquals(0, decoded.exitCode(), decoded::output);
        assertTrue(decoded.output().isBlank(), "decodes without a complaint: " + decoded.output());
        String folder = playlistUrl.substring(0, playlistUrl.lastIndexOf('/') + 1);
        for (String rendition : Media.uris(api.get(URI.create(playlistUrl).getPath(), null).body())) {
            String text = api.get(URI.create(folder + rendition).getPath(), null).body();
            List<String> lengths = text.lines().filter(line -> line.startsWith("#EXTINF:")).toList();
            assertEquals(SECONDS / LadderEncoder.SEGMENT_SECONDS + 1, lengths.size(), rendition + ": " + lengths);
            assertTrue(lengths.subList(0, 2).stream().allMatch(line -> line.startsWith("#EXTINF:1.000"))
                    && lengths.subList(2, lengths.size()).stream().allMatch(line -> line.startsWith("#EXTINF:2.000")),
                    () -> rendition + ": " + lengths);
            assertEquals(frames(clip.toString()), frames(folder + rendition), "every frame once in " + rendition);
        }
    }

    private static int frames(String input) throws Exception {
        Media.Result probe = Media.run(Media.ffprobe(), "-v", "error", "-select_streams", "v:0", "-count_frames",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", input);
        assertEquals(0, probe.exitCode(), probe.output());
        // an HLS playlist lists the stream under its program too: the same count twice
        return Integer.parseInt(probe.output().lines().filter(line -> !line.isBlank()).findFirst().orElseThrow().trim());
    }
}
