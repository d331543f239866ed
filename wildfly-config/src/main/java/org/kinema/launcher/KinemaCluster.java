package org.kinema.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kinema as a cluster on one machine: one PostgreSQL (embedded unless KINEMA_DB_URL names one),
 * one media folder, {@code n} nodes, and WildFly's load balancer in front of them on the public
 * port. Node {@code i} (from 1) is named {@code {prefix}-i} and answers on the public port + i;
 * the balancer takes the nodes' registrations on KINEMA_BALANCER_PORT (8090 for port 9000, and
 * moving with it). Closing it stops the nodes, then the balancer, then the database.
 */
public final class KinemaCluster implements AutoCloseable {

    private static final Duration BALANCED_TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    private final EmbeddedDatabase database;
    private final WildFlyServer balancer;
    private final List<KinemaNode> nodes;

    private KinemaCluster(int port, EmbeddedDatabase database, WildFlyServer balancer, List<KinemaNode> nodes) {
        this.port = port;
        this.database = database;
        this.balancer = balancer;
        this.nodes = nodes;
    }

    /**
     * Starts the cluster described by {@code template} (its folder, public port and settings) with
     * {@code count} nodes; returns once the balancer reaches every node.
     */
    public static KinemaCluster start(NodeSettings template, int count)
            throws IOException, SQLException, InterruptedException {
        if (count < 1) {
            throw new IllegalArgumentException("A cluster needs a node: " + count);
        }
        Path folder = template.instanceDir();
        Files.createDirectories(folder);
        int port = template.httpPort();
        Map<String, String> settings = new LinkedHashMap<>(template.kinemaSettings());
        String prefix = settings.containsKey("KINEMA_NODE_NAME") ? template.nodeName() : "node";
        settings.remove("KINEMA_NODE_NAME");
        settings.putIfAbsent("KINEMA_PUBLIC_URL", template.publicUrl());
        settings.putIfAbsent("KINEMA_MEDIA_DIR", folder.resolve("media").toString());
        settings.putIfAbsent("KINEMA_CLUSTER_NAME", "kinema-" + port);
        settings.putIfAbsent("KINEMA_BALANCER_HOST", "localhost");
        settings.putIfAbsent("KINEMA_BALANCER_PORT", String.valueOf(balancerPort(port)));
        // the balancer's connection is every request's peer: the client is the one it forwards
        settings.putIfAbsent("KINEMA_BEHIND_PROXY", "true");

        EmbeddedDatabase database = null;
        WildFlyServer balancer = null;
        List<KinemaNode> nodes = new ArrayList<>();
        try {
            if (template.needsEmbeddedDatabase()) {
                database = EmbeddedDatabase.start(folder.resolve("postgresql"));
                settings.put("KINEMA_DB_URL", database.jdbcUrl());
                settings.put("KINEMA_DB_USER", EmbeddedDatabase.USER);
                settings.put("KINEMA_DB_PASSWORD", EmbeddedDatabase.PASSWORD);
            }
            Map<String, String> balancerEnvironment = Map.of(
                    "KINEMA_HTTP_PORT", String.valueOf(port),
                    "KINEMA_BALANCER_PORT", settings.get("KINEMA_BALANCER_PORT"),
                    "KINEMA_CLUSTER_ADDRESS", settings.getOrDefault("KINEMA_CLUSTER_ADDRESS", "127.0.0.1"));
            balancer = WildFlyServer.startBalancer(template.wildflyHome(), folder.resolve("balancer"), port,
                    balancerEnvironment);
            // one after the other: the first creates the schema and the administrator
            for (int i = 1; i <= count; i++) {
                NodeSettings.Builder node = NodeSettings.builder()
                        .wildflyHome(template.wildflyHome())
                        .ear(template.ear())
                        .instanceDir(folder.resolve(prefix + "-" + i))
                        .consoleToFile(true);
                settings.forEach(node::setting);
                node.nodeName(prefix + "-" + i).setting("KINEMA_HTTP_PORT", String.valueOf(port + i));
                nodes.add(KinemaNode.start(node.build()));
            }
            KinemaCluster cluster = new KinemaCluster(port, database, balancer, Collections.unmodifiableList(nodes));
            cluster.awaitBalanced();
            return cluster;
        } catch (IOException | SQLException | InterruptedException | RuntimeException e) {
            for (KinemaNode node : nodes) {
                node.close();
            }
            if (balancer != null) {
                balancer.close();
            }
            if (database != null) {
                database.close();
            }
            throw e;
        }
    }

    /** The balancer's registration port for a cluster on {@code port}: 8090 for 9000. */
    static int balancerPort(int port) {
        return port - 910;
    }

    /**
     * Waits until the balancer reaches every running node: each has answered its {@code /health},
     * and the last answer names every one among the members.
     */
    public void awaitBalanced() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                .timeout(Duration.ofSeconds(10)).build();
        Instant deadline = Instant.now().plus(BALANCED_TIMEOUT);
        String last = "no answer";
        java.util.Set<String> answered = new java.util.HashSet<>();
        while (Instant.now().isBefore(deadline) && balancer.isAlive()) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    nodes.stream().map(node -> node.settings().nodeName())
                            .filter(name -> response.body().contains("\"node\":\"" + name + '"')).forEach(answered::add);
                }
                if (response.statusCode() == 200 && nodes.stream().filter(KinemaNode::isAlive).allMatch(node ->
                        answered.contains(node.settings().nodeName())
                                && response.body().contains('"' + node.settings().nodeName() + '"'))) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IOException("The balancer on port " + port + " does not reach every node (last answer: " + last
                + "); see " + balancer.logFile());
    }

    /** The balancer's URL, which is the instance's: e.g. {@code http://localhost:9000}. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The nodes, the first at index 0. */
    public List<KinemaNode> nodes() {
        return nodes;
    }

    public KinemaNode node(int index) {
        return nodes.get(index);
    }

    public Path balancerLog() {
        return balancer.logFile();
    }

    /** Blocks until the balancer or the last node exits: a node that dies leaves the others serving. */
    public int awaitExit() throws InterruptedException {
        while (balancer.isAlive() && nodes.stream().anyMatch(KinemaNode::isAlive)) {
            Thread.sleep(500);
        }
        return balancer.isAlive() ? 1 : balancer.waitFor();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            for (KinemaNode node : nodes) {
                node.close();
            }
        } finally {
            try {
                balancer.close();
            } finally {
                if (database != null) {
                    database.close();
                }
            }
        }
    }
}
