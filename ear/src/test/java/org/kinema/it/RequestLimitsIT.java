package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void nulInAMultipartFieldIs400() throws Exception {
        String token = api.rootToken();
        assertProblem(api.multipart("POST", "/api/v1/videos/upload", token,
                Map.of("channelId", String.valueOf(Videos.channelOf(api, token)), "name", "a\0b"),
                Map.of("videofile", Files.writeString(Files.createTempFile("nul", ".mp4"), "x"))), 400);
    }

    @Test
    void unknownMethodIsJson405WithAllowEverywhere() {
        for (String path : List.of("/", "/static/x", "/feeds/x", "/videos/watch/x", "/api/v1/config", "/api/v1/videos/upload",
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

    @Test
    void clientThatStopsMidBodyLeavesNoStackTraceInTheLog() throws Exception {
        Path log = KinemaServer.serverLog();
        long before = Files.size(log);
        String token = api.rootToken();
        for (String path : List.of("/api/v1/videos/upload", "/api/v1/users", "/api/v1/users/token")) {
            try (RawHttp http = new RawHttp(api.baseUrl())) {
                http.send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n"
                        + "Content-Type: " + (path.endsWith("upload") ? "multipart/form-data; boundary=B" : "application/json")
                        + "\r\nContent-Length: 100000\r\n\r\n--B\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nabc");
            }
        }
        assertEquals(200, api.get("/health", null).status());
        Thread.sleep(500);
        String written;
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(before);
            written = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(written.lines().noneMatch(line -> (line.contains("SEVERE") || line.contains("ERROR"))
                && (line.contains("/api/v1/") || line.contains("io.undertow"))), written);
    }
}
