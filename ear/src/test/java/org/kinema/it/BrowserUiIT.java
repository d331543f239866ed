package org.kinema.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web client as a viewer and an uploader use it, in headless Chromium: log in, upload through
 * the page with its progress bar over the resumable protocol, watch the video play, browse the
 * channel; screenshots of the pages go to target/screenshots/.
 */
@ExtendWith({KinemaServer.class, BrowserLab.class})
class BrowserUiIT {

    private final Api api = KinemaServer.api();

    @Test
    void uploaderSeesUploadProgressThenWatchesThePublishedVideo() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-10s-360p.mp4"), 10, 640, 360).toAbsolutePath();
        WebDriver browser = BrowserLab.browser();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
            browser.get(api.baseUrl() + "/login");
            wait.until(page -> page.findElement(By.id("login-username"))).sendKeys("root");
            browser.findElement(By.id("login-password")).sendKeys(KinemaServer.ROOT_PASSWORD);
            browser.findElement(By.id("login-submit")).click();
            wait.until(page -> page.getCurrentUrl().equals(api.baseUrl() + "/"));

            browser.get(api.baseUrl() + "/videos/upload");
            WebElement file = wait.until(page -> page.findElement(By.id("upload-file")));
            file.sendKeys(clip.toString());
            WebElement name = browser.findElement(By.id("upload-name"));
            name.clear();
            name.sendKeys("Uploaded from the browser");
            BrowserLab.screenshot(browser, "upload-page");
            browser.findElement(By.id("upload-submit")).click();

            List<Double> progress = new ArrayList<>();
            WebElement watchLink = wait.until(page -> {
                progress.add(value(page, "upload-progress"));
                List<WebElement> links = page.findElements(By.id("watch-link"));
                return links.isEmpty() ? null : links.get(0);
            });
            assertEquals(100.0, value(browser, "upload-progress"), "the upload bar ends full");
            assertTrue(progress.stream().anyMatch(value -> value > 0), "the bar moved: " + progress);
            BrowserLab.screenshot(browser, "upload-done");

            watchLink.click();
            wait.until(page -> !page.findElements(By.tagName("video")).isEmpty());
            ((JavascriptExecutor) browser).executeScript("const v = document.querySelector('video'); v.muted = true; v.play()");
            wait.until(page -> number(page, "return window.kinemaPlayerStats?.httpBytes || 0") > 0
                    && number(page, "return document.querySelector('video')?.currentTime || 0") > 1);
            BrowserLab.screenshot(browser, "watch-page");

            browser.get(api.baseUrl() + "/");
            wait.until(page -> !page.findElements(By.cssSelector("img")).isEmpty());
            Thread.sleep(1000);
            BrowserLab.screenshot(browser, "home-page");

            browser.get(api.baseUrl() + "/c/root_channel");
            wait.until(page -> page.getPageSource().contains("Uploaded from the browser"));
            BrowserLab.screenshot(browser, "channel-page");
            assertTrue(Files.size(Path.of("target", "screenshots", "home-page.png")) > 10_000);
        } catch (RuntimeException | AssertionError e) {
            BrowserLab.screenshot(browser, "failure-" + getClass().getSimpleName());
            System.out.println("Browser at " + browser.getCurrentUrl() + " when the test failed; console: "
                    + ((JavascriptExecutor) browser).executeScript("return JSON.stringify(window.kinemaPlayerStats || null)"));
            throw e;
        } finally {
            browser.quit();
        }
    }

    private static double value(WebDriver page, String id) {
        return number(page, "return Number(document.getElementById('" + id + "')?.value || 0)");
    }

    private static double number(WebDriver page, String script) {
        Object value = ((JavascriptExecutor) page).executeScript(script);
        return value instanceof Number number ? number.doubleValue() : 0;
    }
}
