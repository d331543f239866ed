package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/** Channels: opening, finding by handle, describing, closing, and who may do what. */
@ExtendWith(KinemaServer.class)
class ChannelIT {

    private final Api api = KinemaServer.api();

    @Test
    void userOpensAChannelThatEveryoneCanFindByHandle() {
        String owner = Fresh.name("own");
        String token = api.newUser(owner, "secret-password");
        String name = Fresh.name("films");
        Api.Reply opened = api.postJson("/api/v1/video-channels", token,
                Map.of("name", name, "displayName", "Films", "description", "Lectures on film"));
        assertEquals(200, opened.status(), opened::toString);
        long id = opened.json().path("videoChannel").path("id").asLong();

        JsonNode channel = api.get("/api/v1/video-channels/" + name, null).json();
        assertEquals(id, channel.path("id").asLong());
        assertEquals("Films", channel.path("displayName").asText());
        assertEquals("Lectures on film", channel.path("description").asText());
        assertTrue(channel.path("isLocal").asBoolean());
        assertEquals(owner, channel.path("ownerAccount").path("name").asText());
        assertEquals(api.baseUrl() + "/video-channels/" + name, channel.path("url").asText());

        String host = URI.create(api.baseUrl()).getAuthority();
        assertEquals(id, api.get("/api/v1/video-channels/" + name + "@" + host, null).json().path("id").asLong());

        JsonNode ofAccount = api.get("/api/v1/accounts/" + owner + "/video-channels", null).json();
        assertEquals(2, ofAccount.path("total").asInt(), ofAccount::toString);
    }

    @Test
    void accountIsShownAsPeerTubeShowsIt() {
        String owner = Fresh.name("acc");
        api.newUser(owner, "secret-password");
        JsonNode account = api.get("/api/v1/accounts/" + owner, null).json();
        assertEquals(owner, account.path("name").asText());
        assertEquals(URI.create(api.baseUrl()).getAuthority(), account.path("host").asText());
        assertTrue(account.path("userId").asLong() > 0);
        assertTrue(account.has("followersCount") && account.has("avatars"), account::toString);
    }

    @Test
    void ownerDescribesTheChannelAndOthersMayNot() {
        String token = api.newUser(Fresh.name("desc"), "secret-password");
        String name = open(token);
        assertEquals(204, api.putJson("/api/v1/video-channels/" + name, token, Map.of("displayName", "Renamed")).status());
        assertEquals("Renamed", api.get("/api/v1/video-channels/" + name, null).json().path("displayName").asText());

        String stranger = api.newUser(Fresh.name("str"), "secret-password");
        assertProblem(api.putJson("/api/v1/video-channels/" + name, stranger, Map.of("displayName", "Mine")), 403);
        assertProblem(api.delete("/api/v1/video-channels/" + name, stranger), 403);
    }

    @Test
    void closedChannelIsGoneButTheLastOneStays() {
        String owner = Fresh.name("cls");
        String token = api.newUser(owner, "secret-password");
        String name = open(token);
        assertEquals(204, api.delete("/api/v1/video-channels/" + name, token).status());
        assertProblem(api.get("/api/v1/video-channels/" + name, null), 404);
        assertProblem(api.delete("/api/v1/video-channels/" + owner + "_channel", token), 409);
    }

    @Test
    void channelNameTakenByAnyAccountOrChannelIs409() {
        String owner = Fresh.name("tkn");
        String token = api.newUser(owner, "secret-password");
        String name = open(token);
        assertProblem(api.postJson("/api/v1/video-channels", token, Map.of("name", name, "displayName", "Again")), 409);
        assertProblem(api.postJson("/api/v1/video-channels", token, Map.of("name", owner, "displayName", "Me")), 409);
    }

    @Test
    void badChannelInputIs400() {
        String token = api.newUser(Fresh.name("bad"), "secret-password");
        assertProblem(api.postJson("/api/v1/video-channels", token, Map.of("displayName", "No name")), 400);
        assertProblem(api.postJson("/api/v1/video-channels", token, Map.of("name", "has space", "displayName", "x")), 400);
        assertProblem(api.postJson("/api/v1/video-channels", token,
                Map.of("name", Fresh.name("big"), "displayName", "d".repeat(121))), 400);
        assertProblem(api.postJson("/api/v1/video-channels", token,
                Map.of("name", Fresh.name("short"), "displayName", "ok", "description", "ab")), 400);
    }

    @Test
    void openingAChannelNeedsAToken() {
        assertProblem(api.postJson("/api/v1/video-channels", null, Map.of("name", Fresh.name("anon"), "displayName", "x")), 401);
    }

    @Test
    void unknownChannelAndAccountAre404() {
        assertProblem(api.get("/api/v1/video-channels/" + Fresh.name("ghost"), null), 404);
        assertProblem(api.get("/api/v1/accounts/" + Fresh.name("ghost"), null), 404);
        assertProblem(api.get("/api/v1/accounts/" + Fresh.name("ghost") + "/video-channels", null), 404);
    }

    @Test
    void channelListIsPaged() {
        JsonNode page = api.get("/api/v1/video-channels?count=1&sort=-createdAt", null).json();
        assertEquals(1, page.path("data").size());
        assertTrue(page.path("total").asInt() >= 1);
    }

    private String open(String token) {
        String name = Fresh.name("chan");
        Api.Reply opened = api.postJson("/api/v1/video-channels", token, Map.of("name", name, "displayName", "Channel"));
        assertEquals(200, opened.status(), opened::toString);
        return name;
    }
}
