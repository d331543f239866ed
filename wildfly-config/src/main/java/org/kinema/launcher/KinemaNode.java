package org.kinema.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A running Kinema node: its database (embedded unless one is configured) and its WildFly.
 * Closing it stops both, WildFly first.
 */
public final class KinemaNode implements AutoCloseable {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(60);

    private final NodeSettings settings;
    private final EmbeddedDatabase database;
    private final Map<String, String> environment;
    private WildFlyServer server;

    private KinemaNode(NodeSettings settings, EmbeddedDatabase database, Map<String, String> environment,
                       WildFlyServer server) {
        this.settings = settings;
        this.database = database;
        this.environment = environment;
        this.server = server;
    }

    /** Starts the node and returns once the EAR is deployed. */
    public static KinemaNode start(NodeSettings settings) throws IOException, SQLException, InterruptedException {
        Files.createDirectories(settings.instanceDir());
        Map<String, String> environment = new LinkedHashMap<>(settings.kinemaSettings());
        environment.putIfAbsent("KINEMA_HTTP_PORT", String.valueOf(settings.httpPort()));
        environment.putIfAbsent("KINEMA_PUBLIC_URL", settings.publicUrl());
        environment.putIfAbsent("KINEMA_MEDIA_DIR", settings.instanceDir().resolve("media").toString());
        environment.putIfAbsent("KINEMA_CLUSTER_NAME", "kinema-" + settings.nodeName() + "-" + settings.httpPort());
        environment.putIfAbsent("KINEMA_IO_THREADS", String.valueOf(Runtime.getRuntime().availableProcessors()));
        environment.putIfAbsent("KINEMA_API_CONCURRENCY", String.valueOf(3 * Runtime.getRuntime().availableProcessors()));
        environment.putIfAbsent("KINEMA_FFMPEG", settings.ffmpegDir().resolve("bin/ffmpeg").toString());
        environment.putIfAbsent("KINEMA_FFPROBE", settings.ffmpegDir().resolve("bin/ffprobe").toString());

        EmbeddedDatabase database = null;
        if (settings.needsEmbeddedDatabase()) {
            database = EmbeddedDatabase.start(settings.instanceDir().resolve("postgresql"));
            environment.put("KINEMA_DB_URL", database.jdbcUrl());
            environment.put("KINEMA_DB_USER", EmbeddedDatabase.USER);
            environment.put("KINEMA_DB_PASSWORD", EmbeddedDatabase.PASSWORD);
        }
        WildFlyServer server = null;
        try {
            server = WildFlyServer.start(settings, environment);
            server.awaitDeployment();
            awaitHealthy(settings.httpPort(), server);
            return new KinemaNode(settings, database, environment, server);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            if (database != null) {
                database.close();
            }
            throw e;
        }
    }

    /** Deployed is not enough: the node serves once its health check (database included) says so. */
    private static void awaitHealthy(int port, WildFlyServer server) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                .timeout(Duration.ofSeconds(10)).build();
        Instant deadline = Instant.now().plus(HEALTH_TIMEOUT);
        String last = "no answer";
        while (Instant.now().isBefore(deadline) && server.isAlive()) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IOException("Kinema did not become healthy on port " + port + " (last answer: " + last
                + "); see " + server.logFile());
    }

    /**
     * Stops WildFly (gracefully) and starts it again with the same settings and database, as an
     * operator's restart would; returns once the node is healthy again.
     */
    public void restartServer() throws IOException, InterruptedException {
        stopServer();
        startServer();
    }

    /** Stops WildFly gracefully (the database stays up), as an operator stops a node. */
    public void stopServer() throws InterruptedException {
        server.close();
    }

    /** Starts WildFly again after {@link #stopServer()} or {@link #killServer()}; returns once it is healthy. */
    public void startServer() throws IOException, InterruptedException {
        server = WildFlyServer.start(settings, environment);
        server.awaitDeployment();
        awaitHealthy(settings.httpPort(), server);
    }

    /** Kills WildFly and its media tools at once (SIGKILL), as a crash would; the database stays up. */
    public void killServer() throws InterruptedException {
        server.kill();
    }

    public NodeSettings settings() {
        return settings;
    }

    /** The node's base URL, e.g. {@code http://localhost:9000}. */
    public String baseUrl() {
        return "http://localhost:" + settings.httpPort();
    }

    /** The JDBC URL of the node's PostgreSQL, as given to WildFly ({@code KINEMA_DB_URL}). */
    public String jdbcUrl() {
        return environment.get("KINEMA_DB_URL");
    }

    /** The database user and password given to WildFly. */
    public String jdbcUser() {
        return environment.getOrDefault("KINEMA_DB_USER", "kinema");
    }

    public String jdbcPassword() {
        return environment.getOrDefault("KINEMA_DB_PASSWORD", "kinema");
    }

    public java.nio.file.Path serverLog() {
        return server.logFile();
    }

    public boolean isAlive() {
        return server.isAlive();
    }

    /** Blocks until WildFly exits. */
    public int awaitExit() throws InterruptedException {
        return server.waitFor();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            server.close();
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
