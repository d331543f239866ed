package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that a reply is PeerTube's JSON error with the expected status (and code). */
public final class Problems {

    private Problems() {
    }

    public static JsonNode assertProblem(Api.Reply reply, int status) {
        return assertProblem(reply, status, null);
    }

    public static JsonNode assertProblem(Api.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), () -> "unexpected reply: " + reply);
        String contentType = reply.header("Content-Type");
        assertNotNull(contentType, "an error has a content type");
        assertTrue(contentType.startsWith("application/problem+json") || contentType.startsWith("application/json"),
                () -> "error is JSON, not " + contentType);
        assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "),
                () -> "no stack trace or exception name in an error: " + reply.body());
        JsonNode body = reply.json();
        assertEquals(status, body.path("status").asInt(), "status field");
        assertFalse(body.path("title").asText().isBlank(), "title field");
        assertFalse(body.path("detail").asText().isBlank(), "detail field");
        assertFalse(body.path("type").asText().isBlank(), "type field");
        if (code != null) {
            assertEquals(code, body.path("code").asText(), "code field");
        }
        return body;
    }
}
