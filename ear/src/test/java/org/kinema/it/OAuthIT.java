package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/** The login flow of PeerTube's clients: local client, password grant, /users/me, refresh, logout. */
@ExtendWith(KinemaServer.class)
class OAuthIT {

    private final Api api = KinemaServer.api();

    @Test
    void localClientHasThirtyTwoCharacterIdAndSecret() {
        JsonNode client = api.get("/api/v1/oauth-clients/local", null).json();
        assertTrue(client.path("client_id").asText().matches("[a-z0-9]{32}"), client::toString);
        assertTrue(client.path("client_secret").asText().matches("[a-zA-Z0-9]{32}"), client::toString);
    }

    @Test
    void passwordGrantGivesBearerTokensThatOpenUsersMe() {
        Api.Reply login = api.login("root", KinemaServer.ROOT_PASSWORD);
        assertEquals(200, login.status(), login::toString);
        JsonNode token = login.json();
        assertEquals("Bearer", token.path("token_type").asText());
        assertTrue(token.path("access_token").asText().matches("[0-9a-f]{40}"));
        assertTrue(token.path("refresh_token").asText().matches("[0-9a-f]{40}"));
        assertEquals(86400, token.path("expires_in").asInt());
        assertEquals(1209600, token.path("refresh_token_expires_in").asInt());

        Api.Reply me = api.get("/api/v1/users/me", token.path("access_token").asText());
        assertEquals(200, me.status(), me::toString);
        assertEquals("root", me.json().path("username").asText());
        assertEquals(0, me.json().path("role").path("id").asInt());
        assertEquals("Administrator", me.json().path("role").path("label").asText());
        assertEquals("root_channel", me.json().path("videoChannels").path(0).path("name").asText());
    }

    @Test
    void loginAcceptsTheEmailAddressToo() {
        assertEquals(200, api.login("root@kinema.test", KinemaServer.ROOT_PASSWORD).status());
    }

    @Test
    void datesAreWrittenAsPeerTubeWritesThem() {
        JsonNode me = api.get("/api/v1/users/me", api.rootToken()).json();
        assertTrue(me.path("createdAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                () -> "createdAt " + me.path("createdAt"));
    }

    @Test
    void refreshTokenGivesNewTokensOnceAndOnlyOnce() {
        JsonNode first = api.login("root", KinemaServer.ROOT_PASSWORD).json();
        Api.Reply refreshed = refresh(first.path("refresh_token").asText());
        assertEquals(200, refreshed.status(), refreshed::toString);
        String newAccess = refreshed.json().path("access_token").asText();
        assertNotEquals(first.path("access_token").asText(), newAccess);
        assertEquals(200, api.get("/api/v1/users/me", newAccess).status());

        assertProblem(refresh(first.path("refresh_token").asText()), 400, "invalid_grant");
    }

    @Test
    void wrongPasswordIsInvalidGrant() {
        assertProblem(api.login("root", "not-the-password"), 400, "invalid_grant");
    }

    @Test
    void unknownUserIsInvalidGrant() {
        assertProblem(api.login(Fresh.name("nobody"), "whatever123"), 400, "invalid_grant");
    }

    @Test
    void unknownUserIsRefusedExactlyAsAWrongPassword() {
        Api.Reply unknown = api.login(Fresh.name("nobody"), "whatever123");
        Api.Reply wrong = api.login("root", "whatever123");
        assertEquals(wrong.status(), unknown.status());
        assertEquals(wrong.json().path("detail"), unknown.json().path("detail"));
        assertEquals(wrong.json().path("code"), unknown.json().path("code"));
    }

    @Test
    void ownPasswordChangeEndsEverySessionOfTheUser() {
        String name = Fresh.name("pw");
        String first = api.newUser(name, "old-password");
        String second = api.token(name, "old-password");
        assertEquals(204, api.putJson("/api/v1/users/me", first,
                Map.of("currentPassword", "old-password", "password", "new-password")).status());
        assertProblem(api.get("/api/v1/users/me", first), 401, "invalid_token");
        assertProblem(api.get("/api/v1/users/me", second), 401, "invalid_token");
        assertEquals(200, api.get("/api/v1/users/me", api.token(name, "new-password")).status());
    }

    @Test
    void administratorsPasswordChangeEndsEverySessionOfTheUser() {
        String name = Fresh.name("pw");
        String token = api.newUser(name, "old-password");
        long id = api.get("/api/v1/users/me", token).json().path("id").asLong();
        assertEquals(204, api.putJson("/api/v1/users/" + id, api.rootToken(), Map.of("password", "new-password")).status());
        assertProblem(api.get("/api/v1/users/me", token), 401, "invalid_token");
        assertProblem(api.login(name, "old-password"), 400, "invalid_grant");
    }

    @Test
    void otherChangesKeepTheSessions() {
        String token = api.newUser(Fresh.name("pw"), "old-password");
        assertEquals(204, api.putJson("/api/v1/users/me", token, Map.of("displayName", "Still logged in")).status());
        assertEquals(200, api.get("/api/v1/users/me", token).status());
    }

    @Test
    void wrongClientSecretIsInvalidClient() {
        JsonNode client = api.get("/api/v1/oauth-clients/local", null).json();
        Api.Reply reply = api.postForm("/api/v1/users/token", null, Map.of(
                "client_id", client.path("client_id").asText(), "client_secret", "x".repeat(32),
                "grant_type", "password", "username", "root", "password", KinemaServer.ROOT_PASSWORD));
        assertProblem(reply, 400, "invalid_client");
    }

    @Test
    void missingGrantTypeIsABadRequest() {
        assertProblem(api.postForm("/api/v1/users/token", null, Map.of("username", "root")), 400);
    }

    @Test
    void jsonInsteadOfAFormIsRefusedCleanly() {
        Api.Reply reply = api.postJson("/api/v1/users/token", null, Map.of("grant_type", "password"));
        assertProblem(reply, 415);
    }

    @Test
    void protectedEndpointWithoutTokenIs401() {
        assertProblem(api.get("/api/v1/users/me", null), 401);
    }

    @Test
    void unknownTokenIs401InvalidToken() {
        assertProblem(api.get("/api/v1/users/me", "0".repeat(40)), 401, "invalid_token");
    }

    @Test
    void revokedTokenNoLongerOpensAnything() {
        String token = api.rootToken();
        assertEquals(200, api.postJson("/api/v1/users/revoke-token", token, "").status());
        assertProblem(api.get("/api/v1/users/me", token), 401, "invalid_token");
    }

    private Api.Reply refresh(String refreshToken) {
        JsonNode client = api.get("/api/v1/oauth-clients/local", null).json();
        return api.postForm("/api/v1/users/token", null, Map.of(
                "client_id", client.path("client_id").asText(), "client_secret", client.path("client_secret").asText(),
                "grant_type", "refresh_token", "refresh_token", refreshToken));
    }
}
