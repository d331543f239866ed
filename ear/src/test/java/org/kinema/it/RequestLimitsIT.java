package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/**
 * What every request must respect before anything reads it: bounded bodies (413), no NUL in any
 * text (400), a connection closed rather than confused when a body is left unread, refused
 * methods as JSON 405 everywhere, and a client that stops mid-body costing one quiet log line.
 */
@ExtendWith(KinemaServer.class)
class RequestLimitsIT {

    private static final int DEFAULT_LIMIT = 500 * 1024;
    private final Api api = KinemaServer.api();

    @Test
    void contentLengthPastTheLimitIs413BeforeTheBodyIsSent() throws Exception {
        try (RawHttp http = new RawHttp(api.baseUrl())) {
            http.send("POST /api/v1/users/register HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (50 * 1024 * 1024) + "\r\n\r\n");
            RawHttp.Received answer = http.receive();
            assertTrue(answer.text().startsWith("HTTP/1.1 413 "), answer::text);
            assertTrue(answer.text().contains("\"status\":413"), answer::text);
            assertTrue(answer.closed(), "the connection closes instead of waiting for the body");
        }
    }

    @Test
    void chunkedBodyThatGrowsPastTheLimitIs413() throws Exception {
        byte[] data = ("{\"username\":\"" + "a".repeat(DEFAULT_LIMIT)).getBytes(StandardCharsets.US_ASCII);
        try (RawHttp http = new RawHttp(api.baseUrl())) {
            http.send("POST /api/v1/users/register HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(data.length) + "\r\n");
            http.send(data);
            RawHttp.Received answer = http.receive();
            assertTrue(answer.text().startsWith("HTTP/1.1 413 "), answer::text);
            assertTrue(answer.text().contains("\"status\":413"), answer::text);
        }
    }

    @Test
    void uploadPathsTakeBodiesPastTheSmallLimit() throws Exception {
        try (RawHttp http = new RawHttp(api.baseUrl())) {
            http.send("PUT /api/v1/videos/upload-resumable?upload_id=x HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: " + (DEFAULT_LIMIT * 4) + "\r\n\r\n");
            RawHttp.Received answer = http.receive();
            assertTrue(answer.text().startsWith("HTTP/1.1 401 "), "refused for its missing token, not its size: " + answer.text());
        }
    }

    @Test
    void bodyLeftUnreadClosesTheConnectionInsteadOfSwallowingTheNextRequest() throws Exception {
        try (RawHttp http = new RawHttp(api.baseUrl())) {
            http.send("GET /api/v1/config HTTP/1.1\r\nHost: localhost\r\nContent-Length: 40\r\n\r\n"
                    + "GET /api/v1/config HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Received answer = http.receive();
            assertTrue(answer.text().startsWith("HTTP/1.1 200 "), answer::text);
            assertTrue(answer.text().toLowerCase().contains("connection: close"), answer::text);
            assertTrue(answer.closed(), "closed at once, not waiting for the rest of a body that never comes");
        }
    }

    @Test
    void nulInAQueryIs400() {
        assertProblem(api.get("/api/v1/videos?languageOneOf=e%00n", null), 400);
        assertProblem(api.get("/api/v1/video-channels?search=a%00", null), 400);
    }

    @Test
    void nulInAPathIs400() {
        assertProblem(api.get("/api/v1/accounts/ro%00ot", null), 400);
    }

    @Test
    void nulInAFormFieldIs400() {
        JsonNode client = api.get("/api/v1/oauth-clients/local", null).json();
        assertProblem(api.postRaw("/api/v1/users/token", null, "application/x-www-form-urlencoded",
                "client_id=" + client.path("client_id").asText() + "&client_secret=" + client.path("client_secret").asText()
                        + "&grant_type=password&username=ro%00ot&password=whatever"), 400);
    }

    @Test
    void nulInAJsonStringIs400() {
        assertProblem(api.postJson("/api/v1/users", api.rootToken(),
                "{\"username\":\"nul\\u0000name\",\"password\":\"secret-password\",\"email\":\"nul@kinema.test\",\"role\":2}"), 400);
    }

    @Test
    void unknownMethodIsJson405WithAllowEverywhere() {
        for (String path : List.of("/", "/static/x", "/feeds/x", "/videos/watch/x", "/api/v1/config",
                "/health", "/js/app/main.js", "/no/such/page")) {
            Api.Reply reply = api.send("QUERY", path, null, Map.of(), null);
            assertProblem(reply, 405);
            assertNotEquals(null, reply.header("Allow"), "Allow on " + path);
        }
    }

    @Test
    void noErrorIsTheContainersHtmlPage() {
        for (Api.Reply reply : List.of(api.send("PATCH", "/static/x", null, Map.of(), null),
                api.send("DELETE", "/index.html", null, Map.of(), null),
                api.send("POST", "/health", null, Map.of(), "x".getBytes(StandardCharsets.UTF_8)))) {
            assertFalse(reply.body().contains("<html"), reply::toString);
            assertTrue(reply.status() >= 400, reply::toString);
            assertProblem(reply, reply.status());
        }
    }
}
