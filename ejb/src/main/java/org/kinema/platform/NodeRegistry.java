package org.kinema.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes sure this node's name is its own among the nodes sharing the database, before anything
 * uses it (leases of work are held in the node's name): a node refuses to start under a name that
 * a running node holds, and a node under the default name refuses to share the database at all.
 * An installation (a server folder) keeps an id of its own, so a node restarted after a crash
 * takes its name back at once; another installation may take a name only once its holder has not
 * been seen for {@link #ALIVE}.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeRegistry {

    /** A node not seen for this long is gone. */
    static final Duration ALIVE = Duration.ofSeconds(30);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(NodeRegistry.class.getName());

    @Inject
    private KinemaSettings settings;

    @Inject
    private NodeRepository nodes;

    private String installId;
    private String name;

    @PostConstruct
    void join() {
        name = settings.nodeName();
        installId = installationId();
        Instant deadline = Instant.now().plus(ALIVE).plus(RETRY);
        while (true) {
            refuseSharingUnderTheDefaultName();
            if (nodes.claim(name, installId, ALIVE)) {
                LOG.info(() -> "This node is " + name);
                compareSettings();
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("A running node is already named " + name + " on this database: give every"
                        + " node its own KINEMA_NODE_NAME");
            }
            LOG.info(() -> "Waiting for the node that was named " + name + " before to be gone");
            sleep();
        }
    }

    /**
     * Records this node's cluster-wide settings and warns of each one another running node has
     * otherwise: the same request or job would be treated differently depending on the node it
     * lands on. (A warning, not a refusal: a change is rolled out one node at a time.)
     */
    private void compareSettings() {
        SortedMap<String, String> mine = settings.clusterWide();
        nodes.recordSettings(name, ClusterSettings.write(mine));
        nodes.settingsOfOthers(name, ALIVE).forEach((other, text) -> {
            for (String difference : ClusterSettings.differences(mine, ClusterSettings.read(text))) {
                LOG.warning(() -> difference + " on node " + other + ". Settings that govern the whole cluster should"
                        + " be the same on every node");
            }
        });
    }

    private void refuseSharingUnderTheDefaultName() {
        List<String> others = nodes.othersAlive(name, ALIVE);
        boolean sharedWithDefault = others.contains(KinemaSettings.DEFAULT_NODE_NAME);
        if (!others.isEmpty() && (!settings.nodeNamed() || sharedWithDefault)) {
            throw new IllegalStateException("This database is shared with the running node(s) " + String.join(", ", others)
                    + ": nodes that share a database need names of their own; set KINEMA_NODE_NAME on every node"
                    + " (the default name " + KinemaSettings.DEFAULT_NODE_NAME + " is for a node alone)");
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void heartbeat() {
        if (!nodes.seen(name, installId)) {
            LOG.severe(() -> "Another node has taken this node's name " + name + " on the database");
        }
    }

    @PreDestroy
    void leave() {
        try {
            nodes.remove(name, installId);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not unregister the node; its row expires by itself", e);
        }
    }

    /** The other nodes running on this database now. */
    public List<String> othersAlive() {
        return nodes.othersAlive(name, ALIVE);
    }

    /** This node's name, checked to be its own. */
    public String name() {
        return name;
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the node name", e);
        }
    }

    /**
     * The id of this installation, kept in the server's data folder (drawn at its first start); a
     * server without a data folder is a new installation at every start.
     */
    private static String installationId() {
        String dataDir = System.getProperty("jboss.server.data.dir");
        if (dataDir == null) {
            return randomId();
        }
        Path file = Path.of(dataDir, "kinema-installation-id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file).trim();
                if (id.matches("[0-9a-f]{32}")) {
                    return id;
                }
            }
            String id = randomId();
            Files.createDirectories(file.getParent());
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep this installation's id in " + file, e);
        }
    }

    private static String randomId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
