package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/** Fields and statuses where Kinema answered otherwise than PeerTube does. */
@ExtendWith(KinemaServer.class)
class PeerTubeAnswersIT {

    private final Api api = KinemaServer.api();

    @Test
    void localAccountsAndChannelsDoNotAllowRedundancy() {
        JsonNode account = api.get("/api/v1/accounts/root", null).json();
        assertTrue(account.path("hostRedundancyAllowed").isBoolean(), account::toString);
        assertFalse(account.path("hostRedundancyAllowed").asBoolean());
        JsonNode channel = api.get("/api/v1/video-channels/root_channel", null).json();
        assertTrue(channel.path("hostRedundancyAllowed").isBoolean(), channel::toString);
        assertFalse(channel.path("hostRedundancyAllowed").asBoolean());
    }

    @Test
    void theServerNamesTheCommitItWasBuiltFrom() {
        JsonNode config = api.get("/api/v1/config", null).json();
        assertTrue(config.path("serverCommit").isTextual(), config.path("serverCommit")::toString);
        assertTrue(config.path("serverCommit").asText().matches("[0-9a-f]{10}"), config.path("serverCommit")::toString);
    }

    @Test
    void anonymousFilteringByPrivacyAsksForALogin() {
        assertProblem(api.get("/api/v1/videos?privacyOneOf=3", null), 401);
        assertProblem(api.get("/api/v1/videos?privacyOneOf=3", api.newUser(Fresh.name("plain"), "secret-password")), 403);
        assertEquals(200, api.get("/api/v1/videos?privacyOneOf=3", api.rootToken()).status());
    }

    @Test
    void listedVideosCarryTheirDescriptionTruncatedAsPeerTubeDoes() throws Exception {
        String token = api.rootToken();
        String description = "A lecture about rivers. ".repeat(20);
        Path clip = Media.clip(Path.of("target", "media", "clip-3s-144p.mp4"), 3, 256, 144);
        String uuid = Videos.uploaded(api, token, clip, Map.of("name", "Described", "description", description));
        Videos.awaitPublished(api, token, uuid);
        JsonNode listed = null;
        for (JsonNode video : api.get("/api/v1/videos?count=100&sort=-publishedAt", null).json().path("data")) {
            if (video.path("uuid").asText().equals(uuid)) {
                listed = video;
            }
        }
        assertTrue(listed != null, "the video is listed");
        assertEquals(listed.path("truncatedDescription").asText(), listed.path("description").asText());
        assertTrue(listed.path("description").asText().startsWith("A lecture about rivers."));
        assertEquals(description, api.get("/api/v1/videos/" + uuid, null).json().path("description").asText(),
                "the details carry it whole");
    }
}
