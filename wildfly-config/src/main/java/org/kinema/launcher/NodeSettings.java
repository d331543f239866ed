package org.kinema.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one node needs to start: where WildFly and the EAR are, the node's own folder, and the
 * {@code KINEMA_*} settings handed to the server. Settings not given here are taken from the
 * environment of the launching process, then from defaults that work on a fresh machine.
 */
public final class NodeSettings {

    public static final int DEFAULT_HTTP_PORT = 9000;
    public static final String DEFAULT_NODE_NAME = "kinema";

    private final Path wildflyHome;
    private final Path ear;
    private final Path instanceDir;
    private final Map<String, String> kinemaSettings;
    private final boolean consoleToFile;

    private NodeSettings(Builder builder) {
        this.wildflyHome = Objects.requireNonNull(builder.wildflyHome, "wildflyHome").toAbsolutePath();
        this.ear = Objects.requireNonNull(builder.ear, "ear").toAbsolutePath();
        this.instanceDir = Objects.requireNonNull(builder.instanceDir, "instanceDir").toAbsolutePath();
        this.consoleToFile = builder.consoleToFile;
        Map<String, String> merged = new LinkedHashMap<>();
        System.getenv().forEach((key, value) -> {
            if (key.startsWith("KINEMA_")) {
                merged.put(key, value);
            }
        });
        merged.putAll(builder.settings);
        this.kinemaSettings = Map.copyOf(merged);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path wildflyHome() {
        return wildflyHome;
    }

    public Path ear() {
        return ear;
    }

    /** The ffmpeg provisioned by the build, beside WildFly, used unless KINEMA_FFMPEG names another. */
    public Path ffmpegDir() {
        return wildflyHome.getParent().resolve("ffmpeg");
    }

    public Path instanceDir() {
        return instanceDir;
    }

    /** KINEMA_NODE_NAME, or the default name of a node that is alone on its database. */
    public String nodeName() {
        String name = kinemaSettings.get("KINEMA_NODE_NAME");
        return name == null || name.isBlank() ? DEFAULT_NODE_NAME : name.trim();
    }

    public boolean consoleToFile() {
        return consoleToFile;
    }

    public int httpPort() {
        String port = kinemaSettings.get("KINEMA_HTTP_PORT");
        return port == null || port.isBlank() ? DEFAULT_HTTP_PORT : Integer.parseInt(port.trim());
    }

    /** The public URL, without a trailing slash. */
    public String publicUrl() {
        String url = kinemaSettings.get("KINEMA_PUBLIC_URL");
        if (url == null || url.isBlank()) {
            return "http://localhost:" + httpPort();
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** True when no external database is configured and the launcher must start its own. */
    public boolean needsEmbeddedDatabase() {
        String url = kinemaSettings.get("KINEMA_DB_URL");
        return url == null || url.isBlank();
    }

    public Map<String, String> kinemaSettings() {
        return kinemaSettings;
    }

    public static final class Builder {
        private Path wildflyHome;
        private Path ear;
        private Path instanceDir;
        private boolean consoleToFile;
        private final Map<String, String> settings = new LinkedHashMap<>();

        public Builder wildflyHome(Path wildflyHome) {
            this.wildflyHome = wildflyHome;
            return this;
        }

        public Builder ear(Path ear) {
            this.ear = ear;
            return this;
        }

        public Builder instanceDir(Path instanceDir) {
            this.instanceDir = instanceDir;
            return this;
        }

        /** The node's name (KINEMA_NODE_NAME), unique among the nodes sharing a database. */
        public Builder nodeName(String nodeName) {
            return setting("KINEMA_NODE_NAME", nodeName);
        }

        /** Sends WildFly's console to {@code console.log} in the instance folder instead of ours. */
        public Builder consoleToFile(boolean consoleToFile) {
            this.consoleToFile = consoleToFile;
            return this;
        }

        public Builder setting(String name, String value) {
            if (!name.startsWith("KINEMA_")) {
                throw new IllegalArgumentException("Kinema settings are named KINEMA_*: " + name);
            }
            settings.put(name, value);
            return this;
        }

        public NodeSettings build() {
            return new NodeSettings(this);
        }
    }
}
