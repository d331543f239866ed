package org.kinema.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real viewers in headless Chromium: a later viewer of a video gets segments from an earlier
 * one over WebRTC (counted by the player itself), and a viewer with P2P switched off gets none;
 * P2P stays off when the administrator disables it for the instance or a user in their settings.
 */
@ExtendWith({KinemaServer.class, BrowserLab.class})
class BrowserP2PIT {

    private static String uuid;
    private final Api api = KinemaServer.api();

    @BeforeAll
    static void publishAVideo() throws Exception {
        Api api = KinemaServer.api();
        Path clip = Media.clip(Path.of("target", "media", "clip-60s-360p.mp4"), 60, 640, 360);
        String token = api.rootToken();
        uuid = Videos.uploaded(api, token, clip, Map.of("name", "Lecture for many viewers"));
        Videos.awaitPublished(api, token, uuid);
    }

    @Test
    void laterViewerGetsSegmentsFromEarlierOnesAndTheSwitchOffViewerGetsNone() throws Exception {
        List<WebDriver> browsers = new ArrayList<>();
        try {
            WebDriver first = open(browsers, "");
            Thread.sleep(6000);
            WebDriver second = open(browsers, "");
            Thread.sleep(3000);
            WebDriver third = open(browsers, "&p2p=0");

            Map<String, Object> later = awaitStats(second, stats -> number(stats, "p2pBytes") > 0, Duration.ofSeconds(60));
            System.out.println("P2P test: first viewer " + stats(first) + ", later viewer " + later + ", P2P off " + stats(third));
            assertTrue(number(later, "p2pBytes") > 0, "the later viewer received bytes from peers: " + later);

            Map<String, Object> switchedOff = awaitStats(third, stats -> number(stats, "httpBytes") > 500_000, Duration.ofSeconds(30));
            assertEquals(0L, number(switchedOff, "p2pBytes"), "no P2P bytes with the switch off: " + switchedOff);
            assertEquals(Boolean.FALSE, switchedOff.get("p2pEnabled"));
        } finally {
            if (Boolean.getBoolean("kinema.it.browserLogs")) {
                for (WebDriver browser : browsers) {
                    System.out.println("---- browser log");
                    browser.manage().logs().get("browser").forEach(entry -> System.out.println(entry.getMessage()));
                }
            }
            browsers.forEach(WebDriver::quit);
        }
    }

    @Test
    void playerKeepsP2POffWhenTheAdministratorDisablesItForTheInstance() throws Exception {
        String root = api.rootToken();
        assertEquals(200, api.putJson("/api/v1/config/custom", root,
                Map.of("defaults", Map.of("p2p", Map.of("webapp", Map.of("enabled", false))))).status());
        List<WebDriver> browsers = new ArrayList<>();
        try {
            WebDriver viewer = open(browsers, "");
            Map<String, Object> stats = awaitStats(viewer, s -> number(s, "httpBytes") > 0, Duration.ofSeconds(30));
            assertEquals(Boolean.FALSE, stats.get("p2pEnabled"), stats::toString);
            assertEquals(Boolean.FALSE, ((JavascriptExecutor) viewer).executeScript(
                    "return document.getElementById('player-p2p').checked"), "the switch shows P2P off");
        } finally {
            browsers.forEach(WebDriver::quit);
            api.putJson("/api/v1/config/custom", root, Map.of("defaults", Map.of("p2p", Map.of("webapp", Map.of("enabled", true)))));
        }
    }

    @Test
    void playerKeepsP2POffForAUserWhoDisabledItInTheirSettings() throws Exception {
        String name = Fresh.name("nop2p");
        String password = "no-p2p-password";
        String token = api.newUser(name, password);
        assertEquals(204, api.putJson("/api/v1/users/me", token, Map.of("p2pEnabled", false, "autoPlayVideo", true)).status());
        List<WebDriver> browsers = new ArrayList<>();
        try {
            WebDriver viewer = BrowserLab.browser();
            browsers.add(viewer);
            WebDriverWait wait = new WebDriverWait(viewer, Duration.ofSeconds(60));
            viewer.get(api.baseUrl() + "/login");
            wait.until(page -> page.findElement(By.id("login-username"))).sendKeys(name);
            viewer.findElement(By.id("login-password")).sendKeys(password);
            viewer.findElement(By.id("login-submit")).click();
            wait.until(page -> page.getCurrentUrl().equals(api.baseUrl() + "/"));

            viewer.get(api.baseUrl() + "/videos/watch/" + uuid);
            Map<String, Object> stats = awaitStats(viewer, s -> number(s, "httpBytes") > 0, Duration.ofSeconds(30));
            assertTrue(number(stats, "httpBytes") > 0, "the video plays: " + stats);
            assertEquals(Boolean.FALSE, stats.get("p2pEnabled"), stats::toString);
            WebElement p2pSwitch = viewer.findElement(By.id("player-p2p"));
            assertEquals(Boolean.FALSE, p2pSwitch.isSelected(), "the switch shows P2P off");
            assertEquals("P2P is disabled in your settings",
                    ((JavascriptExecutor) viewer).executeScript("return arguments[0].closest('label').title", p2pSwitch));
        } finally {
            browsers.forEach(WebDriver::quit);
        }
    }

    private WebDriver open(List<WebDriver> browsers, String query) {
        WebDriver browser = BrowserLab.browser();
        browsers.add(browser);
        if (Boolean.getBoolean("kinema.it.browserLogs")) {
            browser.get(api.baseUrl() + "/health");
            ((JavascriptExecutor) browser).executeScript("localStorage.debug = 'p2pml-core:*'");
        }
        browser.get(api.baseUrl() + "/videos/embed/" + uuid + "?autoplay=1" + query);
        return browser;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> stats(WebDriver browser) {
        Object stats = ((JavascriptExecutor) browser).executeScript("return window.kinemaPlayerStats || null");
        return stats == null ? Map.of() : (Map<String, Object>) stats;
    }

    static Map<String, Object> awaitStats(WebDriver browser, java.util.function.Predicate<Map<String, Object>> condition,
                                                  Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Object> stats = stats(browser);
        while (!condition.test(stats) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            stats = stats(browser);
        }
        return stats;
    }

    static long number(Map<String, Object> stats, String key) {
        Object value = stats.get(key);
        return value instanceof Number number ? number.longValue() : 0;
    }
}
