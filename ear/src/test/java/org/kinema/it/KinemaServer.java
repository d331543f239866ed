package org.kinema.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kinema.launcher.KinemaNode;
import org.kinema.launcher.NodeSettings;

import java.nio.file.Path;

/**
 * One Kinema node (embedded PostgreSQL + the provisioned WildFly with the freshly built EAR)
 * for the whole integration-test run: started by the first test class that needs it, stopped
 * when the run ends.
 */
public final class KinemaServer implements BeforeAllCallback {

    public static final String ROOT_PASSWORD = "it-root-password";
    private static final int PORT = Integer.getInteger("kinema.it.port", 19100);
    /** The node's cap on tracker connections from one address. */
    public static final int TRACKER_SOCKETS_PER_ADDRESS = 40;

    private static volatile Api api;
    private static volatile KinemaNode node;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("kinema-node-a", key -> start(), RunningNode.class);
    }

    /** The API of the shared node; only valid inside a test class extended with this. */
    public static Api api() {
        if (api == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(KinemaServer.class)");
        }
        return api;
    }

    private static RunningNode start() {
        Path itDir = Path.of(System.getProperty("kinema.it.dir", "target/it"));
        NodeSettings settings = NodeSettings.builder()
                .wildflyHome(Path.of(required("kinema.wildfly.home")))
                .ear(Path.of(required("kinema.ear")))
                .instanceDir(itDir.resolve("node-a"))
                .nodeName("it-node-a")
                .consoleToFile(true)
                .setting("KINEMA_HTTP_PORT", String.valueOf(PORT))
                .setting("KINEMA_PUBLIC_URL", "http://localhost:" + PORT)
                .setting("KINEMA_ADMIN_PASSWORD", ROOT_PASSWORD)
                .setting("KINEMA_ADMIN_EMAIL", "root@kinema.test")
                // every test peer comes from 127.0.0.1: room for a swarm of more than 20 of them
                .setting("KINEMA_TRACKER_SOCKETS_PER_ADDRESS", String.valueOf(TRACKER_SOCKETS_PER_ADDRESS))
                // every test comes from 127.0.0.1, which is never rate-limited here; the rate-limit
                // tests stand for other clients with X-Forwarded-For, which a node behind a proxy trusts
                .setting("KINEMA_BEHIND_PROXY", "true")
                .setting("KINEMA_RATE_LIMIT_EXEMPT", "127.0.0.1, ::1")
                // the federation tests' remote actors are served on loopback
                .setting("KINEMA_FEDERATION_ALLOW_PRIVATE", "true")
                .build();
        try {
            org.kinema.launcher.Folders.delete(settings.instanceDir());
            long started = System.nanoTime();
            node = KinemaNode.start(settings);
            System.out.printf("Kinema node for the integration tests up in %.1f s at %s%n",
                    (System.nanoTime() - started) / 1e9, node.baseUrl());
            api = new Api(node.baseUrl());
            return new RunningNode(node);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start Kinema for the integration tests", e);
        }
    }

    /** A connection to the shared node's PostgreSQL, as the node's own user. */
    public static java.sql.Connection database() throws java.sql.SQLException {
        if (node == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(KinemaServer.class)");
        }
        return java.sql.DriverManager.getConnection(node.jdbcUrl(), node.jdbcUser(), node.jdbcPassword());
    }

    /** The shared node's media store (KINEMA_MEDIA_DIR). */
    public static java.nio.file.Path mediaDir() {
        if (node == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(KinemaServer.class)");
        }
        return node.settings().instanceDir().resolve("media");
    }

    /** The shared node itself, for tests that start more nodes on its database and media store. */
    public static KinemaNode node() {
        if (node == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(KinemaServer.class)");
        }
        return node;
    }

    /** The shared node's server log, where tests look for what a request had logged. */
    public static java.nio.file.Path serverLog() {
        return node.serverLog();
    }

    /** Restarts the shared node's WildFly (the database stays up), as an operator would. */
    public static void restart() throws Exception {
        node.restartServer();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set (run through Maven failsafe)");
        }
        return value;
    }

    /** Stops the node when JUnit closes the root store at the end of the run. */
    private record RunningNode(KinemaNode node) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws Exception {
            node.close();
        }
    }
}
