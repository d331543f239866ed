package org.kinema.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium in a network namespace of its own (see src/test/sh/browser-lab.sh): set up
 * once for the run, torn down at its end. Browsers reach Kinema at the shared node's usual URL,
 * and {@link ClusterIT}'s balancer and nodes at theirs; WebRTC between them stays inside the
 * namespace.
 */
public final class BrowserLab implements BeforeAllCallback {

    /** Each test run's lab is named by its Kinema port, so runs on other ports (other worktrees) never meet. */
    private static final int KINEMA_PORT = Integer.getInteger("kinema.it.port", 19100);
    private static final String NAME = "kinema-lab-" + KINEMA_PORT;
    private static final int DRIVER_PORT = Integer.getInteger("kinema.it.driver.port", KINEMA_PORT + 415);
    private static final Path SCRIPT = Path.of("src/test/sh/browser-lab.sh").toAbsolutePath();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("kinema-browser-lab", key -> start(), Lab.class);
    }

    private static Lab start() {
        try {
            run("up", String.valueOf(KINEMA_PORT), String.valueOf(DRIVER_PORT), String.valueOf(ClusterIT.PORT),
                    String.valueOf(ClusterIT.PORT + 1), String.valueOf(ClusterIT.PORT + 2));
            return new Lab();
        } catch (Exception e) {
            throw new IllegalStateException("Could not set up the browser lab", e);
        }
    }

    /** A new headless browser of its own (own profile), ready to autoplay video and to use WebRTC. */
    public static WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,900",
                "--autoplay-policy=no-user-gesture-required", "--allow-loopback-in-peer-connection",
                "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--user-data-dir=/tmp/" + NAME + "/profile-" + System.nanoTime());
        if (Boolean.getBoolean("kinema.it.browserLogs")) {
            org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
            logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        }
        try {
            return new RemoteWebDriver(URI.create("http://127.0.0.1:" + DRIVER_PORT).toURL(), options);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves what the browser shows under target/screenshots/NAME.png. */
    public static Path screenshot(WebDriver browser, String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Path taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(taken, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private static void run(String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 2];
        command[0] = "bash";
        command[1] = SCRIPT.toString();
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "browser-lab.log").toFile());
        builder.environment().put("KINEMA_LAB", NAME);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("browser-lab.sh " + String.join(" ", arguments) + " failed; see target/browser-lab.log");
        }
    }

    private static final class Lab implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws Exception {
            run("down");
        }
    }
}
