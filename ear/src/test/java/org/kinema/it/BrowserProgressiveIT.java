package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real viewers in headless Chromium watch a three-minute video published while it encodes: the
 * first plays it to its end without waiting longer than one segment for data, and the second
 * gets segments from the first over WebRTC while the encode goes on, each one checked against
 * the hash map before it is used.
 */
@ExtendWith({KinemaServer.class, BrowserLab.class})
class BrowserProgressiveIT {

    private static final long SEGMENT_MILLIS = 4000;
    private final Api api = KinemaServer.api();

    @Test
    void aViewerPlaysAVideoToItsEndWhileItEncodesAndASecondGetsVerifiedSegmentsFromTheFirst() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-180s-480p.mp4"), 180, 854, 480);
        String token = api.rootToken();
        String uuid = Videos.uploaded(api, token, clip, Map.of("name", "Three minutes, watched while encoding"));
        JsonNode watchable = Eventually.await("the video to be published while it encodes",
                () -> api.get("/api/v1/videos/" + uuid, token).json(),
                video -> video.path("state").path("id").asInt() == Videos.PUBLISHED || Videos.complete(video));
        assertTrue(!Videos.complete(watchable), "watchable before its ladder is complete: " + watchable);

        List<WebDriver> browsers = new ArrayList<>();
        try {
            WebDriver first = open(browsers, uuid);
            Thread.sleep(6000);
            WebDriver second = open(browsers, uuid);

            long verifiedWhileEncoding = 0;
            boolean completeSeen = false;
            Map<String, Object> firstStats = Map.of();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (Instant.now().isBefore(deadline)) {
                boolean complete = Videos.complete(api.get("/api/v1/videos/" + uuid, token).json());
                Map<String, Object> secondStats = BrowserP2PIT.stats(second);
                if (!complete) {
                    verifiedWhileEncoding = BrowserP2PIT.number(secondStats, "verifiedBytes");
                } else if (!completeSeen) {
                    completeSeen = true;
                    System.out.println("Progressive: ladder complete; first viewer " + BrowserP2PIT.stats(first)
                            + ", second " + secondStats);
                }
                firstStats = BrowserP2PIT.stats(first);
                if (Boolean.TRUE.equals(firstStats.get("ended"))) {
                    break;
                }
                Thread.sleep(500);
            }
            Map<String, Object> secondStats = BrowserP2PIT.stats(second);
            System.out.println("Progressive: first viewer " + firstStats + "; second viewer " + secondStats
                    + "; verified P2P bytes while encoding " + verifiedWhileEncoding);
            assertEquals(Boolean.TRUE, firstStats.get("ended"), "the first viewer played to the end: " + firstStats);
            assertTrue(BrowserP2PIT.number(firstStats, "longestStallMs") <= SEGMENT_MILLIS,
                    "no wait for data longer than one segment: " + firstStats);
            assertTrue(verifiedWhileEncoding > 0,
                    "the second viewer got verified bytes from the first while the video encoded: " + secondStats);
            assertTrue(BrowserP2PIT.number(secondStats, "verifiedBytes") <= BrowserP2PIT.number(secondStats, "p2pBytes"),
                    "only bytes from peers are counted as verified: " + secondStats);
        } finally {
            browsers.forEach(WebDriver::quit);
        }
    }

    private WebDriver open(List<WebDriver> browsers, String uuid) {
        WebDriver browser = BrowserLab.browser();
        browsers.add(browser);
        browser.get(api.baseUrl() + "/videos/embed/" + uuid + "?autoplay=1");
        return browser;
    }
}
