package org.kinema.api.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What the build recorded about itself: the git commit it was built from (PeerTube's {@code serverCommit}). */
final class BuildInfo {

    private static final String COMMIT = read().getProperty("commit", "");

    private BuildInfo() {
    }

    /** The commit, or an empty string when the build did not know it. */
    static String commit() {
        return COMMIT.startsWith("${") ? "" : COMMIT;
    }

    private static Properties read() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/kinema-build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
