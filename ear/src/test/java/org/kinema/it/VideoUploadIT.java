package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/**
 * Uploads through PeerTube's two protocols and the published result: every rendition up to the
 * source's, each decodable end to end over HTTP, segment hashes matching their byte ranges, and
 * a real JPEG thumbnail. Bad uploads get a clear refusal or a failed state with its reason.
 */
@ExtendWith(KinemaServer.class)
class VideoUploadIT {

    private static Path clip;
    private final Api api = KinemaServer.api();

    @BeforeAll
    static void makeClip() throws Exception {
        clip = Media.clip(Path.of("target", "media", "clip-10s-360p.mp4"), 10, 640, 360);
    }

    @Test
    void multipartUploadIsPublishedAsAnHlsLadderUpToTheSource() throws Exception {
        String token = api.rootToken();
        String uuid = Videos.uploaded(api, token, clip, Map.of("name", "Multipart clip", "tags[0]", "lecture"));
        JsonNode video = Videos.awaitPublished(api, token, uuid);
        assertPublishedCorrectly(video, List.of(360, 240, 144));
    }

    @Test
    void resumableUploadSurvivesAServerRestartBetweenChunks() throws Exception {
        String token = api.rootToken();
        byte[] bytes = Files.readAllBytes(clip);
        Api.Reply begun = api.send("POST", "/api/v1/videos/upload-resumable", token, Map.of(
                "Content-Type", "application/json",
                "X-Upload-Content-Length", String.valueOf(bytes.length),
                "X-Upload-Content-Type", "video/mp4"),
                Api.JSON.writeValueAsBytes(Map.of("name", "Resumable clip", "channelId", Videos.channelOf(api, token),
                        "privacy", 1, "filename", "resumable.mp4")));
        assertEquals(201, begun.status(), begun::toString);
        String location = begun.header("Location");
        assertTrue(location.contains("upload_id="), location);
        String path = "/api/v1/videos/upload-resumable?" + location.split("\\?")[1];

        int half = bytes.length / 2;
        Api.Reply first = putChunk(token, path, bytes, 0, half);
        assertEquals(308, first.status(), first::toString);
        assertEquals("bytes=0-" + (half - 1), first.header("Range"));

        KinemaServer.restart();

        Api.Reply status = api.send("PUT", path, token, Map.of("Content-Range", "bytes */" + bytes.length), new byte[0]);
        assertEquals(308, status.status(), status::toString);
        assertEquals("bytes=0-" + (half - 1), status.header("Range"), "the server still knows what it received");

        Api.Reply last = putChunk(token, path, bytes, half, bytes.length);
        assertEquals(200, last.status(), last::toString);
        String uuid = last.json().path("video").path("uuid").asText();
        assertEquals(204, api.send("DELETE", path, token, Map.of(), null).status(), "ending a finished upload");

        JsonNode video = Videos.awaitPublished(api, token, uuid);
        assertPublishedCorrectly(video, List.of(360, 240, 144));
    }

    @Test
    void cancelledResumableUploadIsGone() throws Exception {
        String token = api.rootToken();
        Api.Reply begun = api.send("POST", "/api/v1/videos/upload-resumable", token, Map.of(
                        "Content-Type", "application/json", "X-Upload-Content-Length", "1000"),
                Api.JSON.writeValueAsBytes(Map.of("name", "Cancelled", "channelId", Videos.channelOf(api, token))));
        String path = "/api/v1/videos/upload-resumable?" + begun.header("Location").split("\\?")[1];
        assertEquals(204, api.send("DELETE", path, token, Map.of(), null).status());
        assertProblem(api.send("PUT", path, token, Map.of("Content-Range", "bytes 0-9/1000"), new byte[10]), 404);
    }

    @Test
    void resumableUploadWithoutSizeIs400() throws Exception {
        String token = api.rootToken();
        assertProblem(api.send("POST", "/api/v1/videos/upload-resumable", token, Map.of("Content-Type", "application/json"),
                Api.JSON.writeValueAsBytes(Map.of("name", "No size", "channelId", Videos.channelOf(api, token)))), 400);
    }

    @Test
    void corruptFileEndsInAFailedStateWithItsReasonAndTheOriginalKept() throws Exception {
        byte[] whole = Files.readAllBytes(clip);
        Path corrupt = Files.createTempFile("corrupt", ".mp4");
        Files.write(corrupt, java.util.Arrays.copyOf(whole, whole.length * 4 / 10));
        String token = api.rootToken();
        String uuid = Videos.uploaded(api, token, corrupt, Map.of("name", "Damaged recording"));
        JsonNode video = Videos.awaitTranscoded(api, token, uuid);
        assertEquals(Videos.FAILED, video.path("state").path("id").asInt(), video::toString);
        assertFalse(video.path("transcodingError").asText().isBlank(), video::toString);

        JsonNode source = api.get("/api/v1/videos/" + uuid + "/source", token).json();
        assertArrayEquals(Files.readAllBytes(corrupt), api.bytes(source.path("fileDownloadUrl").asText(), token, null),
                "the original is kept as uploaded");
        assertEquals(200, api.get("/health", null).status(), "the server stays healthy");

        assertEquals(204, api.postJson("/api/v1/videos/" + uuid + "/transcoding", token, Map.of()).status(),
                "an administrator can run it again");
        assertEquals(Videos.FAILED, Videos.awaitTranscoded(api, token, uuid).path("state").path("id").asInt());
    }

    @Test
    void fileThatIsNotMediaIsRefusedWith422() throws Exception {
        Path text = Files.createTempFile("notes", ".mp4");
        Files.writeString(text, "These are lecture notes, not a video.\n".repeat(100));
        assertProblem(Videos.upload(api, api.rootToken(), text, Map.of()), 422);
        assertEquals(200, api.get("/health", null).status());
    }

    @Test
    void uploadBeyondTheQuotaIsRefused() throws Exception {
        String name = Fresh.name("quota");
        Api.Reply created = api.postJson("/api/v1/users", api.rootToken(), Map.of("username", name,
                "password", "secret-password", "email", name + "@kinema.test", "role", 2, "videoQuota", 1000));
        assertEquals(200, created.status(), created::toString);
        assertProblem(Videos.upload(api, api.token(name, "secret-password"), clip, Map.of()), 403, "quota_reached");
    }

    @Test
    void uploadToSomeoneElsesChannelIsForbidden() throws Exception {
        String stranger = api.newUser(Fresh.name("other"), "secret-password");
        long rootChannel = Videos.channelOf(api, api.rootToken());
        assertProblem(Videos.upload(api, stranger, clip, Map.of("channelId", String.valueOf(rootChannel))), 403);
    }

    @Test
    void uploadWithoutNameOrWithABadPrivacyIs400() throws Exception {
        String token = api.rootToken();
        assertProblem(Videos.upload(api, token, clip, Map.of("name", "")), 400);
        assertProblem(Videos.upload(api, token, clip, Map.of("privacy", "9")), 400);
        assertProblem(Videos.upload(api, token, clip, Map.of("category", "many")), 400);
    }

    @Test
    void formWithoutAnyPartIs400() {
        assertProblem(api.send("POST", "/api/v1/videos/upload", api.rootToken(),
                Map.of("Content-Type", "multipart/form-data; boundary=B"), "--B\r\nNone--B--\r\n".getBytes()), 400);
    }

    @Test
    void videoChangesSentAsAMultipartFormWithAThumbnailAreTaken() throws Exception {
        String token = api.rootToken();
        String uuid = Videos.uploaded(api, token, clip, Map.of("name", "Before"));
        String thumbnailPath = Videos.awaitPublished(api, token, uuid).path("thumbnailPath").asText();
        byte[] made = api.bytes(thumbnailPath, null, null);
        Path red = Media.image(Path.of("target", "media", "red-640x360.jpg"), "red", 640, 360);
        Api.Reply changed = api.multipart("PUT", "/api/v1/videos/" + uuid, token,
                Map.of("name", "After", "tags[0]", "changed"), Map.of("thumbnailfile", red));
        assertEquals(204, changed.status(), changed::toString);
        JsonNode video = api.get("/api/v1/videos/" + uuid, token).json();
        assertEquals("After", video.path("name").asText());
        assertEquals("changed", video.path("tags").path(0).asText());
        assertFalse(java.util.Arrays.equals(made, api.bytes(thumbnailPath, null, null)), "the thumbnail is the one sent");
    }

    @Test
    void videoChangesAsAMultipartFormWithoutImagesAndWithAnImagePastItsLimit() throws Exception {
        String token = api.rootToken();
        String uuid = Videos.uploaded(api, token, clip, Map.of("name", "Before"));
        assertEquals(204, api.multipart("PUT", "/api/v1/videos/" + uuid, token, Map.of("name", "Renamed"), Map.of()).status());
        assertEquals("Renamed", api.get("/api/v1/videos/" + uuid, token).json().path("name").asText());
        Path huge = Files.write(Files.createTempFile("huge", ".jpg"), new byte[9 * 1024 * 1024]);
        assertProblem(api.multipart("PUT", "/api/v1/videos/" + uuid, token, Map.of(), Map.of("previewfile", huge)), 413);
    }

    @Test
    void textFieldPastItsBoundIs413() throws Exception {
        String token = api.rootToken();
        assertProblem(Videos.upload(api, token, clip, Map.of("description", "x".repeat(70_000))), 413);
    }

    @Test
    void uploadWithoutTokenIs401() {
        assertProblem(api.postMultipart("/api/v1/videos/upload", null, Map.of("name", "x"), Map.of("videofile", clip)), 401);
    }

    @Test
    void deletedVideoAndItsFilesAreGone() throws Exception {
        String token = api.rootToken();
        String uuid = Videos.uploaded(api, token, clip, Map.of("name", "To be deleted"));
        JsonNode video = Videos.awaitTranscoded(api, token, uuid);
        String playlist = video.path("streamingPlaylists").path(0).path("playlistUrl").asText();
        assertEquals(204, api.delete("/api/v1/videos/" + uuid, token).status());
        assertProblem(api.get("/api/v1/videos/" + uuid, token), 404);
        assertProblem(api.get(playlist.substring(api.baseUrl().length()), null), 404);
    }

    private Api.Reply putChunk(String token, String path, byte[] bytes, int from, int to) {
        return api.send("PUT", path, token, Map.of("Content-Type", "application/octet-stream",
                "Content-Range", "bytes " + from + "-" + (to - 1) + "/" + bytes.length),
                java.util.Arrays.copyOfRange(bytes, from, to));
    }

    /** Everything the issue promises of a published video, checked over HTTP. */
    private void assertPublishedCorrectly(JsonNode video, List<Integer> expectedResolutions) throws Exception {
        JsonNode hls = video.path("streamingPlaylists").path(0);
        String master = new String(api.bytes(hls.path("playlistUrl").asText(), null, null));
        List<Integer> listed = new ArrayList<>();
        Matcher resolution = Pattern.compile("RESOLUTION=\\d+x(\\d+)").matcher(master);
        while (resolution.find()) {
            listed.add(Integer.parseInt(resolution.group(1)));
        }
        assertEquals(expectedResolutions, listed, master);
        assertTrue(master.contains("BANDWIDTH=") && master.contains("CODECS=") && master.contains("FRAME-RATE="), master);

        String base = hls.path("playlistUrl").asText().substring(0, hls.path("playlistUrl").asText().lastIndexOf('/') + 1);
        for (String line : master.lines().filter(l -> l.endsWith(".m3u8")).toList()) {
            Media.Result decoded = Media.decode(base + line);
            assertEquals(0, decoded.exitCode(), () -> line + " does not decode: " + decoded.output());
            assertEquals("", decoded.output(), line + " decodes without errors");
        }

        JsonNode hashes = Api.JSON.readTree(api.bytes(hls.path("segmentsSha256Url").asText(), null, null));
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> files = hashes.fields(); files.hasNext(); ) {
            Map.Entry<String, JsonNode> file = files.next();
            for (Iterator<Map.Entry<String, JsonNode>> ranges = file.getValue().fields(); ranges.hasNext(); ) {
                Map.Entry<String, JsonNode> range = ranges.next();
                byte[] segment = api.bytes(base + file.getKey(), null, "bytes=" + range.getKey());
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(segment));
                assertEquals(range.getValue().asText(), sha, file.getKey() + " " + range.getKey());
                checked++;
            }
        }
        assertTrue(checked >= expectedResolutions.size() * 2, "hashes for every segment of every rendition: " + checked);

        byte[] thumbnail = api.bytes(video.path("thumbnailPath").asText(), null, null);
        assertTrue(thumbnail.length > 100 && (thumbnail[0] & 0xff) == 0xFF && (thumbnail[1] & 0xff) == 0xD8,
                "thumbnail is a JPEG");
        Path jpeg = Files.createTempFile("thumbnail", ".jpg");
        Files.write(jpeg, thumbnail);
        Media.Result probed = Media.run(Media.ffprobe(), "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0",
                jpeg.toString());
        assertEquals("mjpeg", probed.output().trim());

        JsonNode web = video.path("files").path(0);
        assertNotNull(web.path("torrentUrl").textValue(), "the downloadable MP4 has a torrent");
        assertEquals(expectedResolutions.get(0), web.path("resolution").path("id").asInt());
        assertEquals(expectedResolutions.size(), hls.path("files").size());
    }
}
