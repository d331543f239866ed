package org.kinema.api.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the build recorded about itself: the git commit it was built from (PeerTube's
 * {@code serverCommit}) and Kinema's version (NodeInfo's).
 */
public final class BuildInfo {

    private static final java.util.Properties PROPERTIES = read();
    private static final String COMMIT = PROPERTIES.getProperty("commit", "");
    private static final String VERSION = PROPERTIES.getProperty("version", "");

    private BuildInfo() {
    }

    /** The commit, or an empty string when the build did not know it. */
    static String commit() {
        return COMMIT.startsWith("${") ? "" : COMMIT;
    }

    /** Kinema's version as the build named it. */
    public static String version() {
        return VERSION.isEmpty() || VERSION.startsWith("${") ? "0.0.0" : VERSION;
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
