package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The social side of the web client in headless Chromium, two people at once: Alice comments on
 * her video and answers a reply through the page, approves a comment held for review and deletes it; Bob likes the video, subscribes to her channel,
 * replies and saves the video for later through the page; Alice's bell shows the new subscriber
 * and the reply while her page stays open, and "Mark all as read" clears it. Then a playlist plays
 * its videos in order (the first up to its stop timestamp), the player resumes where Bob's history
 * says he stopped, the header's search finds a video by a misspelt word, a password-protected video opens with its password, and each new page is
 * screenshot at desktop and at phone width (390 px) into target/screenshots/.
 */
@ExtendWith({KinemaServer.class, BrowserLab.class})
class BrowserSocialIT {

    private static final String PASSWORD = "social-password";
    private static final String FIRST = "Rehearsal in the cathedral";
    private static final String SECOND = "Interval talk with the conductor";
    private static String alice;
    private static String bob;
    private static String aliceToken;
    private static String bobToken;
    private static JsonNode first;
    private static JsonNode second;
    private static String protectedUuid;
    private static String playlist;

    private final Api api = KinemaServer.api();

    @BeforeAll
    static void twoPeopleAndAliceVideos() throws Exception {
        Api api = KinemaServer.api();
        alice = Fresh.name("alice");
        bob = Fresh.name("bob");
        aliceToken = api.newUser(alice, PASSWORD);
        bobToken = api.newUser(bob, PASSWORD);
        Path clip = Media.clip(Path.of("target", "media", "clip-3s-144p.mp4"), 3, 256, 144);
        // long enough to resume in the middle of it
        Path longer = Media.clip(Path.of("target", "media", "clip-12s-144p.mp4"), 12, 256, 144);
        String one = Videos.uploaded(api, aliceToken, clip, Map.of("name", FIRST, "description", "The whole orchestra, an hour before the concert."));
        String two = Videos.uploaded(api, aliceToken, longer, Map.of("name", SECOND));
        protectedUuid = PrivacyVideos.upload(api, aliceToken, PrivacyVideos.PASSWORD_PROTECTED, "Members only rehearsal");
        first = Videos.awaitPublished(api, aliceToken, one);
        second = Videos.awaitPublished(api, aliceToken, two);

        long channel = Videos.channelOf(api, aliceToken);
        Api.Reply made = api.postJson("/api/v1/video-playlists", aliceToken,
                Map.of("displayName", "Concert evening", "privacy", 1, "videoChannelId", channel));
        assertEquals(200, made.status(), made::toString);
        playlist = made.json().path("videoPlaylist").path("shortUUID").asText();
        String elements = "/api/v1/video-playlists/" + playlist + "/videos";
        assertEquals(200, api.postJson(elements, aliceToken, Map.of("videoId", one, "stopTimestamp", 2)).status());
        assertEquals(200, api.postJson(elements, aliceToken, Map.of("videoId", two)).status());
    }

    @Test
    void commentsRatingsSubscriptionsNotificationsPlaylistsAndSearchThroughThePages() throws Exception {
        List<WebDriver> browsers = new ArrayList<>();
        try {
            WebDriver a = logIn(browsers, alice);
            WebDriver b = logIn(browsers, bob);
            String watchFirst = api.baseUrl() + "/w/" + first.path("shortUUID").asText();

            // Alice opens her video with her notifications open, and comments
            a.get(watchFirst);
            wait(a).until(page -> text(page, "#comment-threads").contains("No comments yet"));
            ((JavascriptExecutor) a).executeScript("window.stillTheSamePage = true");
            wait(a).until(page -> "true".equals(page.findElement(By.id("notification-bell")).getAttribute("data-loaded")));
            int unreadBefore = unread(a);
            a.findElement(By.id("comment-new")).sendKeys("Come early: the first half is the best part.");
            click(a, a.findElement(By.id("comment-new-submit")));
            wait(a).until(page -> text(page, "#comment-threads").contains("the first half is the best part"));

            // Bob likes, subscribes, replies and saves the video for later
            b.get(watchFirst);
            wait(b).until(page -> text(page, "#comment-threads").contains("the first half is the best part"));
            WebElement like = b.findElement(By.id("like-button"));
            click(b, like);
            wait(b).until(page -> "true".equals(like.getAttribute("aria-pressed")) && text(page, "#like-count").equals("1"));
            WebElement subscribe = wait(b).until(ExpectedConditions.elementToBeClickable(By.id("subscribe-button")));
            wait(b).until(page -> "false".equals(subscribe.getAttribute("aria-pressed")));
            click(b, subscribe);
            wait(b).until(page -> "true".equals(subscribe.getAttribute("aria-pressed"))
                    && text(page, "#channel-followers").equals("1 subscriber"));
            click(b, b.findElement(By.cssSelector("#comment-threads .comment-reply")));
            WebElement reply = wait(b).until(page -> page.findElement(By.cssSelector("#comment-threads .comment-form textarea")));
            reply.sendKeys("I will be there at seven.");
            click(b, b.findElement(By.cssSelector("#comment-threads .comment-form button[type=submit]")));
            wait(b).until(page -> text(page, "#comment-threads").contains("I will be there at seven."));
            click(b, b.findElement(By.id("save-button")));
            WebElement watchLater = wait(b).until(page -> page.findElement(By.xpath("//ul[@class='save-list']//label[.='Watch later']")));
            click(b, watchLater);
            WebElement laterBox = b.findElement(By.id(watchLater.getAttribute("for")));
            wait(b).until(page -> laterBox.isSelected() && laterBox.isEnabled());

            // Alice's bell counts both without her page reloading, lists them, and reading them clears it at once
            wait(a).until(page -> unread(page) >= unreadBefore + 2);
            click(a, a.findElement(By.id("notification-bell")));
            wait(a).until(page -> text(page, "#notification-panel-list").contains("subscribed to your channel")
                    && text(page, "#notification-panel-list").contains(bob + " replied"));
            assertTrue(a.findElement(By.id("notification-count")).isDisplayed(), "the bell counts the unread ones");
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) a).executeScript("return window.stillTheSamePage === true"),
                    "the bell changed without a reload");
            BrowserLab.screenshot(a, "notifications-bell");
            click(a, a.findElement(By.id("notification-read-all")));
            wait(a).until(page -> !page.findElement(By.id("notification-count")).isDisplayed());

            // Alice answers Bob's reply
            a.get(watchFirst);
            wait(a).until(page -> text(page, "#comment-threads").contains("Show 1 reply"));
            click(a, a.findElement(By.cssSelector("#comment-threads .comment-toggle")));
            wait(a).until(page -> text(page, "#comment-threads").contains("I will be there at seven."));
            click(a, a.findElement(By.cssSelector("#comment-threads .comment-replies .comment-reply")));
            wait(a).until(page -> page.findElement(By.cssSelector("#comment-threads .comment-replies .comment-form textarea")))
                    .sendKeys("See you there!");
            click(a, a.findElement(By.cssSelector("#comment-threads .comment-replies .comment-form button[type=submit]")));
            wait(a).until(page -> text(page, "#comment-threads").contains("See you there!"));
            wait(a).until(page -> text(page, "#comments-title").equals("Comments (3)"));
            assertEquals("1", text(a, "#like-count"), "Alice sees Bob's like");
            BrowserLab.screenshot(a, "watch-comments");

            // Once Alice holds comments for review, Bob's next one waits for her approval; then she deletes it
            String firstUuid = first.path("uuid").asText();
            assertEquals(204, api.putJson("/api/v1/videos/" + firstUuid, aliceToken, Map.of("commentsPolicy", 3)).status());
            b.get(watchFirst);
            wait(b).until(page -> text(page, "#comment-threads").contains("the first half is the best part"));
            b.findElement(By.id("comment-new")).sendKeys("Can I bring my cello?");
            click(b, b.findElement(By.id("comment-new-submit")));
            wait(b).until(page -> text(page, "#comment-threads > li:first-child").contains("bring my cello")
                    && text(page, "#comment-threads > li:first-child").contains("Awaiting approval"));
            assertTrue(!anonymousThreads(firstUuid).contains("bring my cello"), "a held comment is hidden from others");
            a.get(watchFirst);
            WebElement approve = wait(a).until(page -> page.findElement(By.cssSelector("#comment-threads > li:first-child .comment-approve")));
            scrollTo(a, approve);
            BrowserLab.screenshot(a, "watch-comment-held");
            click(a, approve);
            wait(a).until(page -> !text(page, "#comment-threads").contains("Awaiting approval"));
            assertTrue(anonymousThreads(firstUuid).contains("bring my cello"), "an approved comment is shown to all");
            click(a, a.findElement(By.cssSelector("#comment-threads > li:first-child > .comment-main > .comment-actions .comment-delete")));
            wait(a).until(ExpectedConditions.alertIsPresent()).accept();
            wait(a).until(page -> !text(page, "#comment-threads").contains("bring my cello"));
            assertTrue(!anonymousThreads(firstUuid).contains("bring my cello"), "a deleted comment without replies is gone");
            a.get(api.baseUrl() + "/my-account/notifications");
            wait(a).until(page -> text(page, "#notification-list").contains("subscribed to your channel"));
            BrowserLab.screenshot(a, "notifications-page");

            // Bob plays the playlist: the first video up to its stop timestamp, then the second
            b.get(api.baseUrl() + "/w/p/" + playlist);
            wait(b).until(page -> text(page, "h1").equals(FIRST) && text(page, ".playlist-panel-item.current").contains(FIRST));
            BrowserLab.screenshot(b, "watch-playlist");
            wait(b).until(page -> page.getCurrentUrl().endsWith("playlistPosition=2") && text(page, "h1").equals(SECOND));
            wait(b).until(page -> number(page, "return document.querySelector('video')?.currentTime || 0") > 0.5);

            // Bob's library
            b.get(api.baseUrl() + "/my-library/video-playlists");
            wait(b).until(page -> text(page, "#my-playlists").contains("Watch later"));
            BrowserLab.screenshot(b, "library-playlists");
            b.get(api.baseUrl() + "/my-library/video-playlists/" + playlist);
            wait(b).until(page -> text(page, "#playlist-elements").contains(SECOND));
            BrowserLab.screenshot(b, "playlist-page");
            b.get(api.baseUrl() + "/my-library/history/videos");
            wait(b).until(page -> text(page, "#history-list").contains(FIRST));
            BrowserLab.screenshot(b, "library-history");
            b.get(api.baseUrl() + "/my-library/subscriptions");
            wait(b).until(page -> text(page, "#subscription-list").contains(alice));
            BrowserLab.screenshot(b, "library-subscriptions");
            b.get(api.baseUrl() + "/videos/subscriptions");
            wait(b).until(page -> text(page, "#subscription-videos").contains(SECOND));
            BrowserLab.screenshot(b, "subscription-videos");

            // Bob comes back to the second video where his history says he stopped
            assertEquals(204, api.putJson("/api/v1/videos/" + second.path("uuid").asText() + "/watching", bobToken,
                    Map.of("currentTime", 6)).status());
            b.get(api.baseUrl() + "/w/" + second.path("shortUUID").asText());
            wait(b).until(page -> text(page, ".resume-note").contains("0:06"));
            wait(b).until(page -> number(page, "return document.querySelector('video')?.currentTime || 0") >= 5.5);
            BrowserLab.screenshot(b, "watch-resume");

            // A password-protected video opens with its password only
            b.get(api.baseUrl() + "/w/" + protectedUuid);
            WebElement password = wait(b).until(page -> page.findElement(By.id("video-password")));
            BrowserLab.screenshot(b, "video-password");
            password.sendKeys("not-the-password", Keys.ENTER);
            wait(b).until(page -> text(page, ".password-form").contains("not the right one"));
            password.clear();
            password.sendKeys(PrivacyVideos.PASSWORD, Keys.ENTER);
            wait(b).until(page -> text(page, "h1").equals("Members only rehearsal")
                    && text(page, "#comment-threads").contains("No comments yet"));
            wait(b).until(page -> number(page, "return window.kinemaPlayerStats?.httpBytes || 0") > 0);

            // the same pages at phone width
            b.manage().window().setSize(new Dimension(390, 844));
            b.get(watchFirst);
            wait(b).until(page -> text(page, "#comment-threads").contains("Show 2 replies"));
            BrowserLab.screenshot(b, "phone-watch");
            assertFitsTheWidth(b);
            click(b, b.findElement(By.id("notification-bell")));
            wait(b).until(page -> page.findElement(By.id("notification-panel")).isDisplayed());
            BrowserLab.screenshot(b, "phone-notifications");
            onPhone(b, "/my-library/video-playlists/" + playlist, "#playlist-elements", SECOND, "phone-playlist-page");
            onPhone(b, "/w/p/" + playlist + "?playlistPosition=2", "h1", SECOND, "phone-watch-playlist");
            onPhone(b, "/my-library/history/videos", "#history-list", FIRST, "phone-library-history");
            onPhone(b, "/my-library/video-playlists", "#my-playlists", "Watch later", "phone-library-playlists");
            onPhone(b, "/my-library/subscriptions", "#subscription-list", alice, "phone-library-subscriptions");
            onPhone(b, "/videos/subscriptions", "#subscription-videos", SECOND, "phone-subscription-videos");
            onPhone(b, "/my-account/notifications", "#notification-list", "replied", "phone-notifications-page");
            // Bob finds a video by a misspelt word, at phone width through the address, then with the header's box
            onPhone(b, "/search?search=cathedrl", "#search-videos", FIRST, "phone-search");
            b.manage().window().setSize(new Dimension(1366, 900));
            b.get(api.baseUrl() + "/");
            WebElement search = wait(b).until(page -> page.findElement(By.id("search-input")));
            search.sendKeys("cathedrl", Keys.ENTER);
            wait(b).until(page -> page.getCurrentUrl().contains("/search?search=cathedrl")
                    && text(page, "#search-videos").contains(FIRST));
            BrowserLab.screenshot(b, "search-results");
        } catch (RuntimeException | AssertionError e) {
            for (int i = 0; i < browsers.size(); i++) {
                BrowserLab.screenshot(browsers.get(i), "failure-" + getClass().getSimpleName() + "-" + i);
                System.out.println("Browser " + i + " at " + browsers.get(i).getCurrentUrl() + " when the test failed");
            }
            throw e;
        } finally {
            browsers.forEach(WebDriver::quit);
        }
    }

    private WebDriver logIn(List<WebDriver> browsers, String name) {
        WebDriver browser = BrowserLab.browser();
        browsers.add(browser);
        browser.get(api.baseUrl() + "/login");
        wait(browser).until(page -> page.findElement(By.id("login-username"))).sendKeys(name);
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait(browser).until(page -> page.getCurrentUrl().equals(api.baseUrl() + "/"));
        return browser;
    }

    /** Clicks an element after scrolling it to the middle of the window, clear of the sticky header. */
    private static void click(WebDriver browser, WebElement element) {
        scrollTo(browser, element);
        element.click();
    }

    private static void scrollTo(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private static WebDriverWait wait(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private static String text(WebDriver page, String css) {
        List<WebElement> found = page.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText().trim();
    }

    /** The unread count on the bell (0 when it shows none). */
    private static int unread(WebDriver page) {
        WebElement count = page.findElement(By.id("notification-count"));
        return count.isDisplayed() ? Integer.parseInt(count.getText().replace("+", "").trim()) : 0;
    }

    private static double number(WebDriver page, String script) {
        Object value = ((JavascriptExecutor) page).executeScript(script);
        return value instanceof Number number ? number.doubleValue() : 0;
    }

    /** The first page of a video's comment threads as someone who is not logged in reads them. */
    private String anonymousThreads(String videoUuid) {
        return api.get("/api/v1/videos/" + videoUuid + "/comment-threads?count=100", null).body();
    }

    /** Opens a page, waits until css shows expected, screenshots it and checks that it fits the window's width. */
    private void onPhone(WebDriver browser, String path, String css, String expected, String screenshot) throws IOException {
        browser.get(api.baseUrl() + path);
        wait(browser).until(page -> text(page, css).contains(expected));
        BrowserLab.screenshot(browser, screenshot);
        assertFitsTheWidth(browser);
    }

    /** Nothing on the page is wider than the window (no sideways scrolling at phone width). */
    private static void assertFitsTheWidth(WebDriver page) throws IOException {
        Object overflow = ((JavascriptExecutor) page).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0L, overflow instanceof Number n ? n.longValue() : -1L, "the page scrolls sideways at " + page.getCurrentUrl());
    }
}
