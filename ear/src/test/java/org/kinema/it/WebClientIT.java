package org.kinema.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/** The web client: its routes answer its HTML shell, its files are served, other paths stay JSON errors. */
@ExtendWith(KinemaServer.class)
class WebClientIT {

    private final Api api = KinemaServer.api();

    @ParameterizedTest
    @ValueSource(strings = {"/", "/w/abc123", "/videos/watch/0b7e0a8c-1f0e-4d2b-9c1a-3a5b2f9e8d77", "/c/some_channel",
            "/a/someone", "/videos/upload", "/login", "/my-videos", "/my-account", "/admin/users", "/admin/settings",
            "/w/p/abc123", "/videos/watch/playlist/0b7e0a8c-1f0e-4d2b-9c1a-3a5b2f9e8d77", "/search", "/videos/subscriptions",
            "/my-library", "/my-library/video-playlists", "/my-library/video-playlists/abc123", "/my-library/history/videos",
            "/my-library/subscriptions", "/my-account/notifications"})
    void clientRoutesAnswerTheHtmlShell(String path) {
        Api.Reply page = api.get(path, null);
        assertEquals(200, page.status(), () -> path + ": " + page);
        assertTrue(page.header("Content-Type").startsWith("text/html"), () -> path + ": " + page.header("Content-Type"));
        assertTrue(page.body().contains("/js/app/main.js"), () -> path + " is the client's shell");
        assertEquals("no-cache", page.header("Cache-Control"));
    }

    @Test
    void embedRouteAnswersTheEmbedShell() {
        Api.Reply page = api.get("/videos/embed/0b7e0a8c-1f0e-4d2b-9c1a-3a5b2f9e8d77?autoplay=1&start=30", null);
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertTrue(page.body().contains("/js/app/embed.js"));
    }

    @Test
    void stylesAndScriptsAreServedWithCachingHeaders() {
        Api.Reply css = api.get("/css/kinema.css", null);
        assertEquals(200, css.status());
        assertTrue(css.header("Content-Type").startsWith("text/css"), css.header("Content-Type"));
        assertNotNull(css.header("Cache-Control"));

        Api.Reply script = api.get("/js/app/main.js", null);
        assertEquals(200, script.status());
        assertTrue(script.header("Content-Type").contains("javascript"), script.header("Content-Type"));
        assertNotNull(script.header("Cache-Control"));

        assertEquals(200, api.get("/index.html", null).status());
    }

    @Test
    void unknownPageIsStillJson404() {
        assertProblem(api.get("/no/such/page", null), 404);
        assertProblem(api.get("/js/app/no-such-module.js", null), 404);
    }
}
