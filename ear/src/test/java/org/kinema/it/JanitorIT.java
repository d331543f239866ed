package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/**
 * Nothing is left on disk that nothing refers to: a deleted video's files, those of a deleted
 * user's videos, an old transcoding's streams, abandoned uploads and dead jobs' work folders.
 */
@ExtendWith(KinemaServer.class)
class JanitorIT {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private final Api api = KinemaServer.api();

    @Test
    void aDeletedVideosFilesAreAllRemoved() throws Exception {
        String token = api.rootToken();
        String uuid = Videos.uploaded(api, token, clip(), Map.of("name", "Soon deleted"));
        List<Path> files = filesOf(Videos.awaitPublished(api, token, uuid), uuid);
        files.forEach(file -> assertTrue(Files.exists(file), file::toString));

        assertEquals(204, api.delete("/api/v1/videos/" + uuid, token).status());
        awaitGone(files);
    }

    @Test
    void aDeletedUsersVideosTakeTheirFilesWithThem() throws Exception {
        String name = Fresh.name("leaving");
        String token = api.newUser(name, "secret-password");
        String uuid = Videos.uploaded(api, token, clip(), Map.of("name", "Left behind"));
        List<Path> files = filesOf(Videos.awaitPublished(api, token, uuid), uuid);
        long userId = api.get("/api/v1/users/me", token).json().path("id").asLong();

        assertEquals(204, api.delete("/api/v1/users/" + userId, api.rootToken()).status());
        awaitGone(files);
    }

    @Test
    void aNewTranscodingLeavesOnlyItsOwnStreams() throws Exception {
        String token = api.rootToken();
        String uuid = Videos.uploaded(api, token, clip(), Map.of("name", "Transcoded twice"));
        JsonNode first = Videos.awaitPublished(api, token, uuid);
        List<Path> before = filesOf(first, uuid);
        String firstPlaylist = first.path("streamingPlaylists").path(0).path("playlistUrl").asText();

        assertEquals(204, api.postJson("/api/v1/videos/" + uuid + "/transcoding", token, Map.of()).status());
        JsonNode second = awaitRepublished(token, uuid, firstPlaylist);
        List<Path> after = filesOf(second, uuid);
        awaitGone(before.stream().filter(file -> !after.contains(file) && !isStill(file)).toList());
        after.forEach(file -> assertTrue(Files.exists(file), file::toString));
        try (Stream<Path> hls = Files.list(KinemaServer.mediaDir().resolve("streaming-playlists/hls/" + uuid))) {
            String prefix = name(second.path("streamingPlaylists").path(0).path("playlistUrl").asText()).split("-")[0];
            assertTrue(hls.allMatch(file -> file.getFileName().toString().startsWith(prefix + "-")),
                    "only the new transcoding's files are left");
        }
    }

    @Test
    void openUploadsCountAgainstTheQuota() {
        String name = Fresh.name("quota");
        String admin = api.rootToken();
        assertEquals(200, api.postJson("/api/v1/users", admin, Map.of("username", name, "password", "secret-password",
                "email", name + "@kinema.test", "role", 2, "videoQuota", 1_000_000)).status());
        String token = api.token(name, "secret-password");
        assertEquals(201, beginUpload(token, 800_000).status());
        assertProblem(beginUpload(token, 300_000), 403, "quota_reached");
    }

    @Test
    void uploadsAbandonedForADayAreForgottenWithTheirBytes() throws Exception {
        String id = HexFormat.of().formatHex(randomBytes(16));
        Path bytes = KinemaServer.mediaDir().resolve("uploads").resolve(id);
        Files.write(bytes, randomBytes(1000));
        long rootId = api.get("/api/v1/users/me", api.rootToken()).json().path("id").asLong();
        try (Connection db = KinemaServer.database(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO kinema.upload_session (id, user_id, draft, filename, file_size, created_at)"
                        + " VALUES (?, ?, '{}', 'old.mp4', 5000, now() - interval '25 hours')")) {
            insert.setString(1, id);
            insert.setLong(2, rootId);
            insert.executeUpdate();
        }
        awaitGone(List.of(bytes));
    }

    @Test
    void workFoldersOfDeadJobsAndStrayUploadFilesAreSwept() throws Exception {
        Path deadJob = KinemaServer.mediaDir().resolve("work").resolve(HexFormat.of().formatHex(randomBytes(16)));
        Files.createDirectories(deadJob.resolve("hls"));
        Files.write(deadJob.resolve("hls/x-144-fragmented.mp4"), randomBytes(100));
        Path strayUpload = KinemaServer.mediaDir().resolve("uploads").resolve(HexFormat.of().formatHex(randomBytes(16)));
        Files.write(strayUpload, randomBytes(100));
        Path freshUpload = KinemaServer.mediaDir().resolve("uploads").resolve(HexFormat.of().formatHex(randomBytes(16)));
        Files.write(freshUpload, randomBytes(100));
        FileTime hoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        Files.setLastModifiedTime(deadJob, hoursAgo);
        Files.setLastModifiedTime(strayUpload, hoursAgo);

        awaitGone(List.of(deadJob, strayUpload));
        assertTrue(Files.exists(freshUpload), "a file that may belong to an upload being opened is left alone");
        Files.delete(freshUpload);
    }

    private Api.Reply beginUpload(String token, long size) {
        return api.send("POST", "/api/v1/videos/upload-resumable", token,
                Map.of("Content-Type", "application/json", "X-Upload-Content-Length", String.valueOf(size)),
                ("{\"name\":\"Announced\",\"channelId\":" + Videos.channelOf(api, token) + ",\"filename\":\"a.mp4\"}").getBytes());
    }

    private JsonNode awaitRepublished(String token, String uuid, String oldPlaylist) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode video = api.get("/api/v1/videos/" + uuid, token).json();
            String playlist = video.path("streamingPlaylists").path(0).path("playlistUrl").asText();
            if (video.path("state").path("id").asInt() == Videos.PUBLISHED && !playlist.isEmpty() && !playlist.equals(oldPlaylist)) {
                return video;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("Video " + uuid + " was not transcoded again");
    }

    /** Every file the video's details name, its original and its stills, in the media store. */
    private static List<Path> filesOf(JsonNode video, String uuid) throws Exception {
        Path media = KinemaServer.mediaDir();
        List<Path> files = new ArrayList<>();
        JsonNode hls = video.path("streamingPlaylists").path(0);
        Path hlsDir = media.resolve("streaming-playlists/hls/" + uuid);
        files.add(hlsDir.resolve(name(hls.path("playlistUrl").asText())));
        files.add(hlsDir.resolve(name(hls.path("segmentsSha256Url").asText())));
        for (JsonNode file : hls.path("files")) {
            files.add(hlsDir.resolve(name(file.path("fileUrl").asText())));
            files.add(media.resolve("torrents").resolve(name(file.path("torrentUrl").asText())));
        }
        for (JsonNode file : video.path("files")) {
            files.add(media.resolve("web-videos").resolve(name(file.path("fileUrl").asText())));
            files.add(media.resolve("torrents").resolve(name(file.path("torrentUrl").asText())));
        }
        files.add(media.resolve("thumbnails").resolve(uuid + ".jpg"));
        files.add(media.resolve("previews").resolve(uuid + ".jpg"));
        try (Stream<Path> originals = Files.list(media.resolve("originals"))) {
            originals.filter(file -> file.getFileName().toString().startsWith(uuid)).forEach(files::add);
        }
        assertFalse(files.isEmpty());
        return files;
    }

    private static boolean isStill(Path file) {
        return file.getParent().getFileName().toString().matches("thumbnails|previews")
                || file.getParent().getFileName().toString().equals("originals");
    }

    private static void awaitGone(List<Path> files) throws InterruptedException {
        await(() -> files.stream().noneMatch(Files::exists), () -> "still on disk: "
                + files.stream().filter(Files::exists).toList());
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> failure)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(failure.get());
            }
            Thread.sleep(500);
        }
    }

    private static String name(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static Path clip() throws Exception {
        return Media.clip(Path.of("target", "media", "clip-3s-144p.mp4"), 3, 256, 144);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
