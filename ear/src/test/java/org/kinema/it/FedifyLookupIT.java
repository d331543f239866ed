package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An ActivityPub implementation that is not Kinema's reads Kinema's documents: Fedify's
 * {@code lookupObject} (npm, pinned in {@code src/test/fedify/package-lock.json}, installed by this
 * test) fetches an account, its channel, the instance actor and a video as a remote server would,
 * and must find each with its type, id, key and addresses.
 */
@ExtendWith(KinemaServer.class)
class FedifyLookupIT {

    private static final Api API = KinemaServer.api();
    private static final String BASE = API.baseUrl();
    private static final Path FEDIFY = Path.of("target", "fedify").toAbsolutePath();

    private static String owner;
    private static String channel;
    private static String uuid;

    @BeforeAll
    static void fedifyAndAVideo() throws Exception {
        Files.createDirectories(FEDIFY);
        for (String file : List.of("package.json", "package-lock.json", "lookup.mjs")) {
            Files.copy(Path.of("src", "test", "fedify", file), FEDIFY.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"), 300);

        owner = Fresh.name("fedify");
        String token = API.newUser(owner, "secret-password");
        Path clip = Media.clip(Path.of("target", "media", "clip-3s-144p.mp4"), 3, 256, 144);
        uuid = Videos.uploaded(API, token, clip, Map.of("name", "Read by Fedify"));
        Videos.awaitPublished(API, token, uuid);
        channel = API.get("/api/v1/videos/" + uuid, null).json().path("channel").path("name").asText();
    }

    @Test
    void fedifyFindsTheAccountTheChannelTheInstanceActorAndTheVideo() throws Exception {
        String account = BASE + "/accounts/" + owner;
        String group = BASE + "/video-channels/" + channel;
        String instance = BASE + "/accounts/peertube";
        String video = BASE + "/videos/watch/" + uuid;
        JsonNode found = Api.JSON.readTree(run(List.of("node", "lookup.mjs", account, group, instance, video), 120));

        assertActor(found.path(0), "Person", account);
        assertActor(found.path(1), "Group", group);
        assertActor(found.path(2), "Application", instance);
        assertEquals(List.of(account), texts(found.path(1).path("attributedTo")), "a channel is attributed to its account");

        JsonNode read = found.path(3);
        assertTrue(read.path("found").asBoolean(), read::toString);
        assertEquals("Video", read.path("type").asText());
        assertEquals(video, read.path("id").asText());
        assertEquals(List.of(account, group), texts(read.path("attributedTo")), "PeerTube's Person and Group");
        assertTrue(read.path("duration").asText().matches("PT[0-9.]+S"), read::toString);
        assertTrue(texts(read.path("mediaTypes")).contains("application/x-mpegURL"), "the HLS master playlist: " + read);
        assertTrue(texts(read.path("urls")).contains(video), "the watch page: " + read);
    }

    private static void assertActor(JsonNode read, String type, String url) {
        assertTrue(read.path("found").asBoolean(), read::toString);
        assertEquals(type, read.path("type").asText(), read::toString);
        assertEquals(url, read.path("id").asText());
        assertEquals(url + "#main-key", read.path("publicKey").asText(), "its key, found through the actor");
        assertEquals(url, read.path("publicKeyOwner").asText());
        assertEquals(url + "/inbox", read.path("inbox").asText());
        assertEquals(BASE + "/inbox", read.path("sharedInbox").asText());
        assertEquals(url + "/outbox", read.path("outbox").asText());
        assertEquals(url + "/followers", read.path("followers").asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** Runs a command in Fedify's folder; its standard output, or a failure with everything it printed. */
    private static String run(List<String> command, int seconds) throws IOException, InterruptedException {
        Path errors = FEDIFY.resolve("stderr.log");
        Process process = new ProcessBuilder(command).directory(FEDIFY.toFile()).redirectError(errors.toFile()).start();
        process.getOutputStream().close();
        byte[] out;
        try (var stdout = process.getInputStream()) {
            out = stdout.readAllBytes();
        }
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " took longer than " + seconds + " s");
        }
        String output = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> command + " failed: " + output + readQuietly(errors));
        return output;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
