package org.kinema.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Installs PeerTube's CLI from the npm registry into target/ (npm's cache keeps it between runs). */
final class PeerTubeCli {

    private PeerTubeCli() {
    }

    static synchronized Path install(String version) throws IOException, InterruptedException {
        Path prefix = Path.of("target", "peertube-cli-" + version).toAbsolutePath();
        Path script = prefix.resolve("node_modules/@peertube/peertube-cli/dist/peertube.js");
        if (Files.exists(script)) {
            return script;
        }
        Files.createDirectories(prefix);
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--ignore-scripts",
                "--prefix", prefix.toString(), "@peertube/peertube-cli@" + version)
                .redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes());
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(script)) {
            throw new IOException("npm could not install @peertube/peertube-cli@" + version + ":\n" + output);
        }
        return script;
    }
}
