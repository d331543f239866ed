package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kinema.launcher.Folders;
import org.kinema.launcher.KinemaNode;
import org.kinema.launcher.NodeSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes on one database and one media store: a node that dies mid-encode loses the video to
 * the other node, which transcodes it exactly once; and a node that would share the database under
 * the default name refuses to start.
 */
class TwoNodeTranscodeIT {

    private static final int BASE_PORT = Integer.getInteger("kinema.it.port", 19100);
    /** The instance both nodes serve (each node answers on a port of its own). */
    private static final String PUBLIC_URL = "http://localhost:" + (BASE_PORT + 10);
    private static final String LEASE_SECONDS = "10";
    private static Path dir;
    private static KinemaNode first;
    private static KinemaNode second;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        dir = Path.of(System.getProperty("kinema.it.dir", "target/it")).resolve("two-nodes").toAbsolutePath();
        Folders.delete(dir);
        first = KinemaNode.start(node("it-node-b", BASE_PORT + 10).build());
        second = KinemaNode.start(node("it-node-c", BASE_PORT + 20)
                .setting("KINEMA_DB_URL", first.jdbcUrl())
                .setting("KINEMA_DB_USER", first.jdbcUser())
                .setting("KINEMA_DB_PASSWORD", first.jdbcPassword())
                .build());
    }

    @AfterAll
    static void stopThem() throws Exception {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aVideoWhoseNodeDiesMidEncodeIsTranscodedOnceByTheOtherNode() throws Exception {
        Api api = new Api(first.baseUrl());
        String token = api.rootToken(KinemaServer.ROOT_PASSWORD);
        Path clip = Media.clip(Path.of("target", "media", "clip-60s-360p.mp4"), 60, 640, 360);
        String uuid = Videos.uploaded(api, token, clip, Map.of("name", "Lecture across nodes"));
        awaitProgress(api, token, uuid, 5);
        Lease lease = lease(uuid);

        KinemaNode owner = lease.owner().equals("it-node-b") ? first : second;
        KinemaNode survivor = owner == first ? second : first;
        owner.killServer();

        Api other = new Api(survivor.baseUrl());
        JsonNode video = Videos.awaitPublished(other, other.rootToken(KinemaServer.ROOT_PASSWORD), uuid);
        assertEquals(3, video.path("streamingPlaylists").path(0).path("files").size(), "one set of renditions");
        assertEquals(1, video.path("files").size(), "one downloadable file");
        String playlist = video.path("streamingPlaylists").path(0).path("playlistUrl").asText();
        String prefix = playlist.substring(playlist.lastIndexOf('/') + 1).split("-")[0];
        try (Stream<Path> files = Files.list(dir.resolve("media/streaming-playlists/hls").resolve(uuid))) {
            List<String> names = files.map(file -> file.getFileName().toString()).toList();
            assertTrue(names.stream().allMatch(name -> name.startsWith(prefix + "-")),
                    () -> "nothing of the dead job was published: " + names);
        }
        Media.Result decoded = Media.decode(survivor.baseUrl() + playlist.substring(PUBLIC_URL.length()));
        assertEquals(0, decoded.exitCode(), decoded::output);

        Path deadWork = dir.resolve("media/work").resolve(lease.id());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Files.exists(deadWork) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertTrue(Files.notExists(deadWork), "the dead job's work folder is swept");
    }

    @Test
    void aNodeUnderTheDefaultNameRefusesToShareTheDatabase() throws Exception {
        NodeSettings unnamed = NodeSettings.builder()
                .wildflyHome(Path.of(System.getProperty("kinema.wildfly.home")))
                .ear(Path.of(System.getProperty("kinema.ear")))
                .instanceDir(dir.resolve("unnamed"))
                .consoleToFile(true)
                .setting("KINEMA_HTTP_PORT", String.valueOf(BASE_PORT + 30))
                .setting("KINEMA_MEDIA_DIR", dir.resolve("media").toString())
                .setting("KINEMA_DB_URL", first.jdbcUrl())
                .setting("KINEMA_DB_USER", first.jdbcUser())
                .setting("KINEMA_DB_PASSWORD", first.jdbcPassword())
                .build();
        IOException refused = assertThrows(IOException.class, () -> KinemaNode.start(unnamed).close());
        assertTrue(refused.getMessage().contains("KINEMA_NODE_NAME"), refused::getMessage);
    }

    private static NodeSettings.Builder node(String name, int port) {
        return NodeSettings.builder()
                .wildflyHome(Path.of(System.getProperty("kinema.wildfly.home")))
                .ear(Path.of(System.getProperty("kinema.ear")))
                .instanceDir(dir.resolve(name))
                .nodeName(name)
                .consoleToFile(true)
                .setting("KINEMA_HTTP_PORT", String.valueOf(port))
                // the nodes of one instance share its public URL (in production, that of the balancer before them)
                .setting("KINEMA_PUBLIC_URL", PUBLIC_URL)
                .setting("KINEMA_ADMIN_PASSWORD", KinemaServer.ROOT_PASSWORD)
                .setting("KINEMA_MEDIA_DIR", dir.resolve("media").toString())
                .setting("KINEMA_TRANSCODING_LEASE_SECONDS", LEASE_SECONDS)
                // the test polls the nodes faster than PeerTube's API rate allows one address
                .setting("KINEMA_RATE_LIMIT_EXEMPT", "127.0.0.1");
    }

    private record Lease(String owner, String id) {
    }

    private static Lease lease(String uuid) throws Exception {
        try (Connection db = DriverManager.getConnection(first.jdbcUrl(), first.jdbcUser(), first.jdbcPassword());
             PreparedStatement query = db.prepareStatement("SELECT lease_owner, lease_id FROM kinema.video WHERE uuid = ?::uuid")) {
            query.setString(1, uuid);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return new Lease(row.getString(1), row.getString(2));
            }
        }
    }

    private static void awaitProgress(Api api, String token, String uuid, int percent) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        int progress = 0;
        while (progress < percent && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            JsonNode video = api.get("/api/v1/videos/" + uuid, token).json();
            assertEquals(2, video.path("state").path("id").asInt(), "still transcoding: " + video);
            progress = video.path("transcodingProgress").asInt();
        }
        assertTrue(progress >= percent, "the job was under way");
    }
}
