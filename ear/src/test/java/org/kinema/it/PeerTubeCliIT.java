package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PeerTube's own command-line client (npm {@code @peertube/peertube-cli}), unchanged, against
 * Kinema: installed from the npm registry into target/ once, run with its own HOME.
 */
@ExtendWith(KinemaServer.class)
class PeerTubeCliIT {

    static final String CLI_VERSION = "1.0.3";
    private static Path cli;

    private final Api api = KinemaServer.api();

    @BeforeAll
    static void installCli() throws Exception {
        cli = PeerTubeCli.install(CLI_VERSION);
    }

    @Test
    void authAddSucceedsWithTheRightPassword() throws Exception {
        Path home = Files.createTempDirectory("peertube-cli-home");
        Result result = run(home, "auth", "add", "-u", api.baseUrl(), "-U", "root", "-p", KinemaServer.ROOT_PASSWORD);
        assertEquals(0, result.exitCode(), result::output);
        assertTrue(Files.readString(home.resolve(".netrc")).contains("login root"), "the CLI remembered the login");
    }

    @Test
    void authAddFailsWithAWrongPassword() throws Exception {
        Path home = Files.createTempDirectory("peertube-cli-home");
        Result result = run(home, "auth", "add", "-u", api.baseUrl(), "-U", "root", "-p", "not-the-password");
        assertNotEquals(0, result.exitCode(), result::output);
    }

    @Test
    void tokenCommandPrintsAnAccessTokenThatWorks() throws Exception {
        Path home = Files.createTempDirectory("peertube-cli-home");
        Result result = run(home, "token", "--url", api.baseUrl(), "--username", "root", "--password", KinemaServer.ROOT_PASSWORD);
        assertEquals(0, result.exitCode(), result::output);
        String token = result.output().trim();
        assertEquals(200, api.get("/api/v1/users/me", token).status(), "token printed by the CLI: " + token);
    }

    @Test
    void uploadPublishesTheVideo() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-3s-144p.mp4"), 3, 256, 144).toAbsolutePath();
        Path home = Files.createTempDirectory("peertube-cli-home");
        String name = "Uploaded by peertube-cli " + Fresh.name("c");
        Result result = run(home, "upload", "-u", api.baseUrl(), "-U", "root", "-p", KinemaServer.ROOT_PASSWORD,
                "-f", clip.toString(), "-n", name, "-t", "lecture,cli");
        assertEquals(0, result.exitCode(), result::output);
        assertTrue(result.output().contains("uploaded"), result::output);

        String token = api.rootToken();
        JsonNode mine = api.get("/api/v1/users/me/videos?count=100", token).json();
        String uuid = null;
        for (JsonNode video : mine.path("data")) {
            if (name.equals(video.path("name").asText())) {
                uuid = video.path("uuid").asText();
            }
        }
        assertNotNull(uuid, "the CLI's video is among root's videos");
        JsonNode video = Videos.awaitPublished(api, token, uuid);
        assertEquals(Set.of("lecture", "cli"), Set.of(video.path("tags").path(0).asText(), video.path("tags").path(1).asText()));
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(Path home, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", cli.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("XDG_CONFIG_HOME");
        Process process = builder.start();
        // (the CLI asks nothing when every option is given; closing its input keeps it from waiting)
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("peertube-cli did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
