package org.kinema.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API and media files can be used from any site, as PeerTube allows. */
@ExtendWith(KinemaServer.class)
class CorsIT {

    private final Api api = KinemaServer.api();

    @Test
    void preflightIsAnswered204WithTheMethodsAndTheHeadersAskedFor() {
        Api.Reply preflight = api.send("OPTIONS", "/api/v1/videos/some-video", null, Map.of(
                "Origin", "https://elsewhere.example", "Access-Control-Request-Method", "PUT",
                "Access-Control-Request-Headers", "authorization,content-type"), null);
        assertEquals(204, preflight.status(), preflight::toString);
        assertEquals("*", preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("PUT"));
        assertEquals("authorization,content-type", preflight.header("Access-Control-Allow-Headers"));
    }

    @Test
    void answersAndErrorsOfTheApiMayBeReadByAnyOrigin() {
        Map<String, String> origin = Map.of("Origin", "https://elsewhere.example");
        assertEquals("*", api.send("GET", "/api/v1/config", null, origin, null).header("Access-Control-Allow-Origin"));
        assertEquals("*", api.send("GET", "/api/v1/videos/no-such-video", null, origin, null).header("Access-Control-Allow-Origin"));
    }

    @Test
    void mediaFilesKeepTheirOwnCors() {
        Api.Reply preflight = api.send("OPTIONS", "/static/streaming-playlists/hls/x/master.m3u8", null,
                Map.of("Origin", "https://elsewhere.example", "Access-Control-Request-Method", "GET"), null);
        assertEquals(204, preflight.status(), preflight::toString);
        assertEquals("*", preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Range"));
    }
}
