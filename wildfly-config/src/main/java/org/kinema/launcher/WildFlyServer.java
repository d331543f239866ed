package org.kinema.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One WildFly process started from the provisioned installation with a server base folder of
 * its own (configuration, deployments, data, logs), so that several nodes can share one
 * installation. The EAR is deployed by the deployment scanner at boot.
 */
final class WildFlyServer implements AutoCloseable {

    static final String SERVER_CONFIG = "standalone-ha.xml";
    /** A node that registers with a balancer (see wildfly-config/src/main/cli/balanced). */
    static final String BALANCED_SERVER_CONFIG = "standalone-ha-balanced.xml";
    static final String BALANCER_CONFIG = "standalone-load-balancer.xml";
    /** The setting that puts a node behind a balancer. */
    static final String BALANCER_HOST = "KINEMA_BALANCER_HOST";
    private static final String DEPLOYMENT = "kinema.ear";
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    static final int MAX_PORT_OFFSET = 10_000;

    private final Process process;
    private final Path baseDir;

    private WildFlyServer(Process process, Path baseDir) {
        this.process = process;
        this.baseDir = baseDir;
    }

    static WildFlyServer start(NodeSettings node, Map<String, String> environment) throws IOException {
        Path baseDir = node.instanceDir().resolve("server");
        prepareBaseDir(node.wildflyHome(), baseDir);
        Path deployments = baseDir.resolve("deployments");
        clearDeploymentMarkers(deployments);
        Files.copy(node.ear(), deployments.resolve(DEPLOYMENT), StandardCopyOption.REPLACE_EXISTING);
        String config = environment.containsKey(BALANCER_HOST) ? BALANCED_SERVER_CONFIG : SERVER_CONFIG;
        return launch(node.wildflyHome(), baseDir, config, node.instanceDir(), node.consoleToFile(), environment,
                "-Djboss.node.name=" + node.nodeName(),
                "-Djboss.tx.node.id=" + transactionNodeId(node.nodeName()),
                "-Djboss.socket.binding.port-offset=" + portOffset(node.httpPort()));
    }

    /**
     * WildFly's load balancer ({@value #BALANCER_CONFIG}) in {@code folder}: it answers on
     * KINEMA_HTTP_PORT of {@code environment} and takes nodes' registrations on KINEMA_BALANCER_PORT.
     */
    static WildFlyServer startBalancer(Path wildflyHome, Path folder, int httpPort, Map<String, String> environment)
            throws IOException {
        Path baseDir = folder.resolve("server");
        prepareBaseDir(wildflyHome, baseDir);
        return launch(wildflyHome, baseDir, BALANCER_CONFIG, folder, true, environment,
                "-Djboss.node.name=balancer",
                "-Djboss.socket.binding.port-offset=" + portOffset(httpPort));
    }

    private static WildFlyServer launch(Path wildflyHome, Path baseDir, String config, Path folder, boolean consoleToFile,
                                        Map<String, String> environment, String... properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                wildflyHome.resolve("bin/standalone.sh").toString(),
                "-c", config,
                "-Djboss.server.base.dir=" + baseDir));
        command.addAll(List.of(properties));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().putAll(environment);
        // standalone.sh forwards SIGTERM to the JVM only when it runs it in the background
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        builder.redirectErrorStream(true);
        if (consoleToFile) {
            builder.redirectOutput(folder.resolve("console.log").toFile());
        } else {
            builder.inheritIO();
        }
        return new WildFlyServer(builder.start(), baseDir);
    }

    /** The transaction manager's node id: the node's name, cut to the 23 bytes it may have. */
    static String transactionNodeId(String nodeName) {
        return nodeName.length() <= 23 ? nodeName : nodeName.substring(0, 23);
    }

    /**
     * Management and other ports move with the HTTP port, so that nodes side by side do not
     * collide; the HTTP port itself is fixed by KINEMA_HTTP_PORT. The offset stays below
     * {@value #MAX_PORT_OFFSET}: JGroups' UDP port (55200) must stay a port, or the clustering
     * channel, and with it the deployment, fails to start.
     */
    static int portOffset(int httpPort) {
        return Math.floorMod(httpPort - NodeSettings.DEFAULT_HTTP_PORT, MAX_PORT_OFFSET);
    }

    /** Waits for the deployment scanner's verdict on the EAR. */
    void awaitDeployment() throws IOException, InterruptedException {
        Path deployments = baseDir.resolve("deployments");
        Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(deployments.resolve(DEPLOYMENT + ".deployed"))) {
                return;
            }
            if (Files.exists(deployments.resolve(DEPLOYMENT + ".failed"))) {
                throw new IOException("Kinema failed to deploy: "
                        + Files.readString(deployments.resolve(DEPLOYMENT + ".failed")));
            }
            if (!process.isAlive()) {
                throw new IOException("WildFly exited with status " + process.exitValue() + " before Kinema was deployed");
            }
            Thread.sleep(250);
        }
        throw new IOException("Kinema was not deployed within " + BOOT_TIMEOUT.toSeconds() + " s");
    }

    Path logFile() {
        return baseDir.resolve("log/server.log");
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Kills WildFly and every process it started at once (SIGKILL), as a machine that dies would. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
    }

    /** Stops WildFly gracefully (SIGTERM), then forcibly if it does not stop in time. */
    @Override
    public void close() throws InterruptedException {
        // the JVM under standalone.sh may outlive the script once the script is signalled: wait for the
        // whole tree, so that nothing (the database, say) is stopped under a server still stopping
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        for (ProcessHandle handle : tree) {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            try {
                handle.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor();
                return;
            }
        }
    }

    /** A fresh configuration from the installation at every start; data and logs are kept. */
    private static void prepareBaseDir(Path wildflyHome, Path baseDir) throws IOException {
        Path template = wildflyHome.resolve("standalone");
        Path configuration = baseDir.resolve("configuration");
        Folders.delete(configuration);
        copyRecursively(template.resolve("configuration"), configuration);
        Files.createDirectories(baseDir.resolve("deployments"));
        Files.createDirectories(baseDir.resolve("data"));
        Files.createDirectories(baseDir.resolve("log"));
    }

    private static void clearDeploymentMarkers(Path deployments) throws IOException {
        try (Stream<Path> files = Files.list(deployments)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().startsWith(DEPLOYMENT + ".")) {
                    Files.delete(file);
                }
            }
        }
    }

    static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

}
