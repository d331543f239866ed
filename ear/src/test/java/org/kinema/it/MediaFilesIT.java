package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/**
 * Files as the review asked them served: originals kept private (PeerTube's video source, for the
 * owner and administrators), every file's ffprobe metadata behind its metadataUrl, caching that
 * stays true, nosniff, and malformed paths and ranges refused as client errors.
 */
@ExtendWith(KinemaServer.class)
class MediaFilesIT {

    private static final Api API = KinemaServer.api();
    private static String owner;
    private static String stranger;
    private static String uuid;
    private static JsonNode video;

    @BeforeAll
    static void publishOneVideo() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-3s-144p.mp4"), 3, 256, 144);
        owner = API.newUser(Fresh.name("files"), "secret-password");
        stranger = API.newUser(Fresh.name("other"), "secret-password");
        uuid = Videos.uploaded(API, owner, clip, Map.of("name", "Files of a lecture"));
        video = Videos.awaitPublished(API, owner, uuid);
    }

    @Test
    void theOriginalIsNeitherListedNorSeededButItsOwnerDownloadsItThroughTheVideoSource() {
        for (JsonNode file : video.path("files")) {
            assertFalse(file.path("fileUrl").asText().contains(uuid + ".mp4"), "no original among the files: " + file);
        }
        JsonNode source = API.get("/api/v1/videos/" + uuid + "/source", owner).json();
        assertEquals("clip-3s-144p.mp4", source.path("inputFilename").asText(), source::toString);
        assertEquals(144, source.path("resolution").path("id").asInt(), source::toString);
        assertTrue(source.path("size").asLong() > 0, source::toString);
        String download = source.path("fileDownloadUrl").asText();
        assertTrue(download.contains("/download/original-video-files/"), download);

        assertEquals(source.path("size").asLong(), API.bytes(download, owner, null).length);
        assertEquals(source.path("size").asLong(), API.bytes(download, API.rootToken(), null).length, "administrators too");
        assertProblem(API.get(path(download), null), 401);
        assertProblem(API.get(path(download), stranger), 403);
        assertProblem(API.get("/api/v1/videos/" + uuid + "/source", stranger), 403);
        assertProblem(API.get("/api/v1/videos/" + uuid + "/source", null), 401);
        assertProblem(API.get("/static/web-videos/" + download.substring(download.lastIndexOf('/') + 1), owner), 404);
    }

    @Test
    void aFileTokenOpensTheOriginalOnlyForTheVideosOwner() {
        String download = API.get("/api/v1/videos/" + uuid + "/source", owner).json().path("fileDownloadUrl").asText();
        String ownToken = API.postJson("/api/v1/videos/" + uuid + "/token", owner, Map.of()).json()
                .path("files").path("token").asText();
        String strangersToken = API.postJson("/api/v1/videos/" + uuid + "/token", stranger, Map.of()).json()
                .path("files").path("token").asText();
        assertEquals(200, API.get(path(download) + "?videoFileToken=" + ownToken, null).status());
        assertProblem(API.get(path(download) + "?videoFileToken=" + strangersToken, null), 401);
    }

    @Test
    void everyFileHasItsFfprobeMetadataBehindItsMetadataUrl() {
        JsonNode hlsFile = video.path("streamingPlaylists").path(0).path("files").path(0);
        JsonNode metadata = API.get(path(hlsFile.path("metadataUrl").asText()), null).json();
        assertEquals("h264", metadata.path("streams").path(0).path("codec_name").asText(), metadata::toString);
        assertTrue(metadata.path("format").path("duration").asDouble() > 2, metadata::toString);
        JsonNode webFile = video.path("files").path(0);
        assertTrue(API.get(path(webFile.path("metadataUrl").asText()), null).json().has("streams"));
        assertProblem(API.get("/api/v1/videos/" + uuid + "/metadata/999999999", null), 404);
    }

    @Test
    void publicStreamsAreCachedForGoodUnderNamesThatNeverChangeAndNeverSniffed() {
        String playlist = video.path("streamingPlaylists").path(0).path("playlistUrl").asText();
        Api.Reply reply = API.get(path(playlist), null);
        assertEquals(200, reply.status());
        assertEquals("public, max-age=31536000, immutable", reply.header("Cache-Control"));
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        String prefix = playlist.substring(playlist.lastIndexOf('/') + 1).replace("-master.m3u8", "");
        assertTrue(video.path("files").path(0).path("fileUrl").asText().contains(prefix),
                "the downloadable MP4's name carries the transcoding's prefix too");
        assertTrue(video.path("files").path(0).path("torrentUrl").asText().contains(prefix), "and its torrent's");

        Api.Reply thumbnail = API.get(video.path("thumbnailPath").asText(), null);
        assertEquals("public, no-cache", thumbnail.header("Cache-Control"), "a still keeps its name: revalidated");
        assertEquals(304, API.send("GET", video.path("thumbnailPath").asText(), null,
                Map.of("If-None-Match", thumbnail.header("ETag")), null).status());
    }

    @Test
    void malformedMediaPathsAreNotFound() {
        assertProblem(API.get("/static/streaming-playlists/hls/------------------------------------/a.m3u8", null), 404);
        assertProblem(API.get("/lazy-static/thumbnails/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz.jpg", null), 404);
        assertProblem(API.get("/lazy-static/previews/" + "1".repeat(36) + ".jpg", null), 404);
        assertProblem(API.get("/static/streaming-playlists/hls/" + uuid + "/..%2F..%2Fetc%2Fpasswd", null), 404);
    }

    @Test
    void rangesPastAnyFileSizeAreUnsatisfiableOrClampedNeverAFailure() {
        String file = path(video.path("files").path(0).path("fileUrl").asText());
        long size = video.path("files").path(0).path("size").asLong();
        Api.Reply farStart = API.send("GET", file, null, Map.of("Range", "bytes=99999999999999999999-"), null);
        assertEquals(416, farStart.status(), farStart::toString);
        assertEquals("bytes */" + size, farStart.header("Content-Range"));
        Api.Reply farEnd = API.send("GET", file, null, Map.of("Range", "bytes=10-99999999999999999999"), null);
        assertEquals(206, farEnd.status());
        assertEquals("bytes 10-" + (size - 1) + "/" + size, farEnd.header("Content-Range"));
        Api.Reply hugeSuffix = API.send("GET", file, null, Map.of("Range", "bytes=-99999999999999999999"), null);
        assertEquals(200, hugeSuffix.status(), "the whole file");
        assertEquals(416, API.send("GET", file, null, Map.of("Range", "bytes=x-y"), null).status());
    }

    @Test
    void resumableChunksWithPositionsPastAnyFileSizeAreRefused() {
        String token = owner;
        Api.Reply begun = API.send("POST", "/api/v1/videos/upload-resumable", token,
                Map.of("Content-Type", "application/json", "X-Upload-Content-Length", "100"),
                ("{\"name\":\"Huge numbers\",\"channelId\":" + Videos.channelOf(API, token) + ",\"filename\":\"a.mp4\"}").getBytes());
        assertEquals(201, begun.status(), begun::toString);
        String location = path(begun.header("Location"));
        assertProblem(API.send("PUT", location, token, Map.of("Content-Range", "bytes 0-99999999999999999999/100"),
                new byte[10]), 400);
        assertProblem(API.send("PUT", location, token, Map.of("Content-Range", "bytes */99999999999999999999"),
                new byte[0]), 400);
        assertEquals(204, API.delete(location, token).status());
    }

    @Test
    void anUploadThatIsAPlaylistOrAListOfOtherFilesIsNotMedia() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-3s-144p.mp4"), 3, 256, 144).toAbsolutePath();
        Path playlist = Files.createTempFile("lecture", ".m3u8");
        Files.writeString(playlist, "#EXTM3U\n#EXT-X-TARGETDURATION:3\n#EXTINF:3,\nfile://" + clip + "\n#EXT-X-ENDLIST\n");
        assertProblem(Videos.upload(API, owner, playlist, Map.of()), 422);
        Path concat = Files.createTempFile("lecture", ".txt");
        Files.writeString(concat, "ffconcat version 1.0\nfile '" + clip + "'\n");
        assertProblem(Videos.upload(API, owner, concat, Map.of()), 422);
        Path remote = Files.createTempFile("lecture", ".m3u8");
        Files.writeString(remote, "#EXTM3U\n#EXTINF:3,\nhttp://127.0.0.1:9/secret.ts\n#EXT-X-ENDLIST\n");
        assertProblem(Videos.upload(API, owner, remote, Map.of()), 422);
    }

    @Test
    void eachPurposeHasAKeyOfItsOwnFromTheCsprng() throws Exception {
        API.postJson("/api/v1/videos/" + uuid + "/token", owner, Map.of());
        API.postJson("/api/v1/videos/" + uuid + "/views", null, Map.of());
        API.overHttp11().send("GET", "/api/v1/config", null, Map.of("X-Forwarded-For", "203.0.113.77"), null);
        try (Connection db = KinemaServer.database(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT purpose, secret FROM kinema.instance_secret ORDER BY purpose")) {
            Map<String, String> keys = new java.util.HashMap<>();
            while (rows.next()) {
                byte[] key = rows.getBytes(2);
                assertEquals(32, key.length, rows.getString(1));
                keys.put(rows.getString(1), java.util.HexFormat.of().formatHex(key));
            }
            assertTrue(keys.keySet().containsAll(List.of("FILE_TOKENS", "VIEWERS", "RATE_LIMITS")), keys::toString);
            assertEquals(keys.size(), new java.util.HashSet<>(keys.values()).size(), "one key per purpose");
        }
    }

    private static String path(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }
}
