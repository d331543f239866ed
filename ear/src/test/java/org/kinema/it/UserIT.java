package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/** Users: administration, registration and the bad input PeerTube clients may send. */
@ExtendWith(KinemaServer.class)
class UserIT {

    private final Api api = KinemaServer.api();

    @Test
    void adminCreatesUserWhoCanLogInAndHasAnAccountAndChannel() {
        String name = Fresh.name("ada");
        Api.Reply created = api.postJson("/api/v1/users", api.rootToken(), newUser(name));
        assertEquals(200, created.status(), created::toString);
        long id = created.json().path("user").path("id").asLong();
        assertTrue(created.json().path("user").path("account").path("id").asLong() > 0);

        JsonNode me = api.get("/api/v1/users/me", api.token(name, "secret-password")).json();
        assertEquals(id, me.path("id").asLong());
        assertEquals(2, me.path("role").path("id").asInt());
        assertEquals(name, me.path("account").path("name").asText());
        assertEquals(name + "_channel", me.path("videoChannels").path(0).path("name").asText());
        assertEquals(1_000_000, me.path("videoQuota").asLong());
    }

    @Test
    void duplicateUsernameIs409() {
        String name = Fresh.name("dup");
        assertEquals(200, api.postJson("/api/v1/users", api.rootToken(), newUser(name)).status());
        Map<String, Object> again = newUser(name);
        again.put("email", name + "-other@kinema.test");
        assertProblem(api.postJson("/api/v1/users", api.rootToken(), again), 409);
    }

    @Test
    void duplicateEmailIs409() {
        String name = Fresh.name("mail");
        assertEquals(200, api.postJson("/api/v1/users", api.rootToken(), newUser(name)).status());
        Map<String, Object> other = newUser(Fresh.name("mail"));
        other.put("email", name + "@kinema.test");
        assertProblem(api.postJson("/api/v1/users", api.rootToken(), other), 409);
    }

    @Test
    void missingFieldsAre400WithTheFieldsNamed() {
        JsonNode problem = assertProblem(api.postJson("/api/v1/users", api.rootToken(), Map.of("username", Fresh.name("m"))), 400);
        assertTrue(problem.path("invalid-params").has("password"), problem::toString);
        assertTrue(problem.path("invalid-params").has("email"), problem::toString);
        assertTrue(problem.path("invalid-params").has("role"), problem::toString);
    }

    @Test
    void oversizedUsernameIs400() {
        Map<String, Object> user = newUser("a".repeat(51));
        JsonNode problem = assertProblem(api.postJson("/api/v1/users", api.rootToken(), user), 400);
        assertTrue(problem.path("invalid-params").has("username"), problem::toString);
    }

    @Test
    void oversizedPasswordIs400() {
        Map<String, Object> user = newUser(Fresh.name("long"));
        user.put("password", "p".repeat(256));
        assertProblem(api.postJson("/api/v1/users", api.rootToken(), user), 400);
    }

    @Test
    void usernameWithCapitalsOrSpacesIs400() {
        assertProblem(api.postJson("/api/v1/users", api.rootToken(), newUser("Not Valid")), 400);
    }

    @Test
    void unknownRoleIs400() {
        Map<String, Object> user = newUser(Fresh.name("role"));
        user.put("role", 7);
        assertProblem(api.postJson("/api/v1/users", api.rootToken(), user), 400);
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(api.postRaw("/api/v1/users", api.rootToken(), "application/json", "{\"username\": "), 400);
    }

    @Test
    void wrongTypeInJsonIs400() {
        Map<String, Object> user = newUser(Fresh.name("type"));
        user.put("videoQuota", "lots");
        assertProblem(api.postJson("/api/v1/users", api.rootToken(), user), 400);
    }

    @Test
    void plainUserCannotCreateOrListUsers() {
        String token = api.newUser(Fresh.name("plain"), "secret-password");
        assertProblem(api.postJson("/api/v1/users", token, newUser(Fresh.name("x"))), 403);
        assertProblem(api.get("/api/v1/users", token), 403);
    }

    @Test
    void adminListsUsersWithTotalAndPaging() {
        api.newUser(Fresh.name("list"), "secret-password");
        JsonNode page = api.get("/api/v1/users?start=0&count=1&sort=-createdAt", api.rootToken()).json();
        assertTrue(page.path("total").asInt() >= 2, page::toString);
        assertEquals(1, page.path("data").size());
    }

    @Test
    void countAboveHundredIs400() {
        assertProblem(api.get("/api/v1/users?count=1000", api.rootToken()), 400);
    }

    @Test
    void nonNumericStartIs400() {
        assertProblem(api.get("/api/v1/users?start=abc", api.rootToken()), 400);
    }

    @Test
    void unknownUserIdIs404() {
        assertProblem(api.get("/api/v1/users/987654321", api.rootToken()), 404);
        assertProblem(api.delete("/api/v1/users/987654321", api.rootToken()), 404);
    }

    @Test
    void nonNumericUserIdIs400() {
        assertProblem(api.get("/api/v1/users/abc", api.rootToken()), 400);
    }

    @Test
    void adminChangesQuotaAndRole() {
        String name = Fresh.name("chg");
        long id = api.postJson("/api/v1/users", api.rootToken(), newUser(name)).json().path("user").path("id").asLong();
        Api.Reply changed = api.putJson("/api/v1/users/" + id, api.rootToken(), Map.of("videoQuota", 42, "role", 1));
        assertEquals(204, changed.status(), changed::toString);
        JsonNode user = api.get("/api/v1/users/" + id, api.rootToken()).json();
        assertEquals(42, user.path("videoQuota").asLong());
        assertEquals(1, user.path("role").path("id").asInt());
    }

    @Test
    void deletedUserIsGoneWithItsAccountAndChannel() {
        String name = Fresh.name("del");
        long id = api.postJson("/api/v1/users", api.rootToken(), newUser(name)).json().path("user").path("id").asLong();
        assertEquals(204, api.delete("/api/v1/users/" + id, api.rootToken()).status());
        assertProblem(api.get("/api/v1/users/" + id, api.rootToken()), 404);
        assertProblem(api.get("/api/v1/accounts/" + name, null), 404);
        assertProblem(api.get("/api/v1/video-channels/" + name + "_channel", null), 404);
        assertProblem(api.login(name, "secret-password"), 400, "invalid_grant");
    }

    @Test
    void rootCannotBeDeleted() {
        long rootId = api.get("/api/v1/users/me", api.rootToken()).json().path("id").asLong();
        assertProblem(api.delete("/api/v1/users/" + rootId, api.rootToken()), 400);
    }

    @Test
    void registrationIsRefusedUntilTheAdminOpensIt() {
        setSignup(false);
        String name = Fresh.name("reg");
        Map<String, Object> body = Map.of("username", name, "password", "secret-password", "email", name + "@kinema.test");
        assertProblem(api.postJson("/api/v1/users/register", null, body), 403);

        setSignup(true);
        try {
            assertTrue(api.get("/api/v1/config", null).json().path("signup").path("allowed").asBoolean());
            Api.Reply registered = api.postJson("/api/v1/users/register", null, body);
            assertEquals(204, registered.status(), registered::toString);
            assertEquals(name, api.get("/api/v1/users/me", api.token(name, "secret-password")).json().path("username").asText());
            assertProblem(api.postJson("/api/v1/users/register", null, body), 409);
        } finally {
            setSignup(false);
        }
    }

    @Test
    void registrationWithInvalidEmailIs400() {
        setSignup(true);
        try {
            assertProblem(api.postJson("/api/v1/users/register", null,
                    Map.of("username", Fresh.name("bad"), "password", "secret-password", "email", "not-an-email")), 400);
        } finally {
            setSignup(false);
        }
    }

    @Test
    void userChangesOwnPlayerSettings() {
        String token = api.newUser(Fresh.name("p2p"), "secret-password");
        assertEquals(204, api.putJson("/api/v1/users/me", token, Map.of("p2pEnabled", false)).status());
        assertEquals(false, api.get("/api/v1/users/me", token).json().path("p2pEnabled").asBoolean(true));
    }

    @Test
    void emailWithoutADottedDomainIsRefusedEverywhere() {
        String root = api.rootToken();
        Map<String, Object> user = newUser(Fresh.name("mail"));
        user.put("email", "0@com");
        assertProblem(api.postJson("/api/v1/users", root, user), 400);
        String name = Fresh.name("mail");
        String token = api.newUser(name, "secret-password");
        long id = api.get("/api/v1/users/me", token).json().path("id").asLong();
        assertProblem(api.putJson("/api/v1/users/me", token, Map.of("currentPassword", "secret-password", "email", "0@com")), 400);
        assertProblem(api.putJson("/api/v1/users/" + id, root, Map.of("email", "someone@localhost")), 400);
        setSignup(true);
        try {
            assertProblem(api.postJson("/api/v1/users/register", null,
                    Map.of("username", Fresh.name("mail"), "password", "secret-password", "email", "0@com")), 400);
        } finally {
            setSignup(false);
        }
    }

    private void setSignup(boolean enabled) {
        Api.Reply reply = api.putJson("/api/v1/config/custom", api.rootToken(), Map.of("signup", Map.of("enabled", enabled)));
        assertEquals(200, reply.status(), reply::toString);
    }

    private static Map<String, Object> newUser(String name) {
        Map<String, Object> user = new HashMap<>();
        user.put("username", name);
        user.put("password", "secret-password");
        user.put("email", name + "@kinema.test");
        user.put("role", 2);
        user.put("videoQuota", 1_000_000);
        user.put("videoQuotaDaily", -1);
        return user;
    }
}
