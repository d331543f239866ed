package org.kinema.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/**
 * PeerTube's rate limits, per client address, with its counts: 50 API calls per 10 s, 15 logins,
 * 2 registrations (failed ones not counted) and 3 verification e-mails per 5 minutes. The test
 * node trusts X-Forwarded-For (as behind a proxy, so these tests speak HTTP/1.1 as a proxy does)
 * and exempts 127.0.0.1, where every other test comes from: each test here is a client of its
 * own address.
 */
@ExtendWith(KinemaServer.class)
class RateLimitIT {

    private static final AtomicInteger ADDRESSES = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 200) * 250);
    private final Api api = KinemaServer.api().overHttp11();

    @Test
    void fiftyFirstApiCallWithinTenSecondsIs429WithPeerTubesHeaders() {
        Map<String, String> client = newClient();
        for (int call = 1; call <= 50; call++) {
            Api.Reply reply = api.send("GET", "/api/v1/config", null, client, null);
            assertEquals(200, reply.status(), () -> "call " + reply);
            assertEquals("50", reply.header("X-RateLimit-Limit"));
            assertEquals(String.valueOf(50 - call), reply.header("X-RateLimit-Remaining"));
        }
        Api.Reply refused = api.send("GET", "/api/v1/config", null, client, null);
        assertProblem(refused, 429);
        assertEquals("50", refused.header("X-RateLimit-Limit"));
        assertEquals("0", refused.header("X-RateLimit-Remaining"));
        long reset = Long.parseLong(refused.header("X-RateLimit-Reset"));
        assertTrue(reset > Instant.now().getEpochSecond() - 1 && reset <= Instant.now().getEpochSecond() + 11, "reset " + reset);
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 11, "Retry-After " + retryAfter);
    }

    @Test
    void sixteenthLoginWithinFiveMinutesIs429() {
        Map<String, String> client = newClient();
        for (int attempt = 1; attempt <= 15; attempt++) {
            Api.Reply reply = login(client, "wrong-password");
            assertProblem(reply, 400, "invalid_grant");
            assertEquals("15", reply.header("X-RateLimit-Limit"));
        }
        Api.Reply refused = login(client, KinemaServer.ROOT_PASSWORD);
        assertProblem(refused, 429);
        assertEquals("15", refused.header("X-RateLimit-Limit"));
    }

    @Test
    void thirdRegistrationIs429ButFailedOnesDoNotCount() {
        setSignup(true);
        try {
            Map<String, String> client = newClient();
            assertProblem(register(client, "bad name!"), 400);
            assertEquals(204, register(client, Fresh.name("reg")).status());
            assertEquals(204, register(client, Fresh.name("reg")).status());
            assertProblem(register(client, Fresh.name("reg")), 429);
        } finally {
            setSignup(false);
        }
    }

    @Test
    void fourthVerificationEmailRequestIs429() {
        Map<String, String> client = newClient();
        for (int request = 1; request <= 3; request++) {
            Api.Reply reply = api.send("POST", "/api/v1/users/ask-send-verify-email", null, json(client),
                    "{\"email\":\"someone@kinema.test\"}".getBytes());
            assertTrue(reply.status() != 429, reply::toString);
        }
        assertProblem(api.send("POST", "/api/v1/users/ask-send-verify-email", null, json(client),
                "{\"email\":\"someone@kinema.test\"}".getBytes()), 429);
    }

    @Test
    void exemptAddressIsNeverLimited() {
        for (int call = 1; call <= 60; call++) {
            Api.Reply reply = api.get("/api/v1/config", null);
            assertEquals(200, reply.status());
            assertNull(reply.header("X-RateLimit-Limit"));
        }
    }

    /** A client of an address of its own (documentation ranges, never routed). */
    private static Map<String, String> newClient() {
        int n = ADDRESSES.incrementAndGet();
        return Map.of("X-Forwarded-For", "198.51." + (100 + n / 250 % 100) + "." + (1 + n % 250));
    }

    private static Map<String, String> json(Map<String, String> client) {
        Map<String, String> headers = new java.util.HashMap<>(client);
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private Api.Reply login(Map<String, String> client, String password) {
        var local = api.get("/api/v1/oauth-clients/local", null).json();
        String form = "client_id=" + local.path("client_id").asText() + "&client_secret=" + local.path("client_secret").asText()
                + "&grant_type=password&username=root&password=" + password;
        Map<String, String> headers = new java.util.HashMap<>(client);
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        return api.send("POST", "/api/v1/users/token", null, headers, form.getBytes());
    }

    private Api.Reply register(Map<String, String> client, String username) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"secret-password\",\"email\":\""
                + username.replace(' ', '_').replace('!', '_') + "@kinema.test\"}";
        return api.send("POST", "/api/v1/users/register", null, json(client), body.getBytes());
    }

    private void setSignup(boolean enabled) {
        Api.Reply reply = api.putJson("/api/v1/config/custom", api.rootToken(),
                Map.of("signup", Map.of("enabled", enabled)));
        assertEquals(200, reply.status(), reply::toString);
    }
}
