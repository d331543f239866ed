package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/** What every client sees first: health, configuration, and errors outside any feature. */
@ExtendWith(KinemaServer.class)
class PlatformIT {

    private final Api api = KinemaServer.api();

    @Test
    void healthReportsTheDatabaseUp() {
        Api.Reply health = api.get("/health", null);
        assertEquals(200, health.status());
        assertEquals("UP", health.json().path("status").asText());
        assertEquals("database", health.json().path("checks").path(0).path("name").asText());
    }

    @Test
    void configHasWhatPeerTubeClientsRead() {
        JsonNode config = api.get("/api/v1/config", null).json();
        assertEquals("Kinema", config.path("instance").path("name").asText());
        assertFalse(config.path("serverVersion").asText().isBlank());
        assertTrue(config.path("signup").has("allowed"));
        assertTrue(config.path("user").has("videoQuota"));
        assertTrue(config.path("transcoding").path("hls").path("enabled").asBoolean());
        assertTrue(config.path("video").path("file").path("extensions").isArray());
    }

    @Test
    void aboutHasTheInstanceTexts() {
        JsonNode about = api.get("/api/v1/config/about", null).json();
        assertEquals("Kinema", about.path("instance").path("name").asText());
        assertTrue(about.path("instance").has("terms"));
    }

    @Test
    void customConfigIsForAdministratorsOnly() {
        String token = api.newUser(Fresh.name("cfg"), "secret-password");
        assertProblem(api.get("/api/v1/config/custom", token), 403);
        assertProblem(api.putJson("/api/v1/config/custom", token, Map.of("signup", Map.of("enabled", true))), 403);
        assertProblem(api.get("/api/v1/config/custom", null), 401);
    }

    @Test
    void invalidCustomConfigIs400() {
        assertProblem(api.putJson("/api/v1/config/custom", api.rootToken(), Map.of("instance", Map.of("name", ""))), 400);
        assertProblem(api.putJson("/api/v1/config/custom", api.rootToken(), Map.of("signup", Map.of("limit", -5))), 400);
    }

    @Test
    void unknownApiPathIsJson404() {
        assertProblem(api.get("/api/v1/no-such-thing", null), 404);
    }

    @Test
    void unknownPagePathIsJson404NotHtml() {
        assertProblem(api.get("/no/such/page", null), 404);
    }

    @Test
    void wrongMethodIsJson405() {
        assertProblem(api.delete("/api/v1/config", null), 405);
    }
}
