package org.kinema.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeSettingsTest {

    private NodeSettings.Builder builder() {
        return NodeSettings.builder().wildflyHome(Path.of("wf")).ear(Path.of("k.ear")).instanceDir(Path.of("run"));
    }

    @Test
    void publicUrlFollowsThePortAndLosesItsTrailingSlash() {
        assertEquals("http://localhost:9123", builder().setting("KINEMA_HTTP_PORT", "9123").build().publicUrl());
        assertEquals("https://video.example", builder().setting("KINEMA_PUBLIC_URL", "https://video.example/").build().publicUrl());
    }

    @Test
    void configuredDatabaseMeansNoEmbeddedOne() {
        assertFalse(builder().setting("KINEMA_DB_URL", "jdbc:postgresql://db/kinema").build().needsEmbeddedDatabase());
    }

    @Test
    void onlyKinemaSettingsAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> builder().setting("JAVA_OPTS", "-Xmx1g"));
    }

    @Test
    void aNodeIsNamedByKinemaNodeNameOrElseByTheDefaultName() {
        assertEquals("kinema", builder().build().nodeName());
        assertEquals("lecture-hall-2", builder().nodeName("lecture-hall-2").build().nodeName());
        assertEquals("lecture-hall-2", builder().nodeName("lecture-hall-2").build().kinemaSettings().get("KINEMA_NODE_NAME"));
    }

    @Test
    void transactionNodeIdsKeepWithinTheirLimit() {
        assertEquals("node-a", WildFlyServer.transactionNodeId("node-a"));
        assertEquals(23, WildFlyServer.transactionNodeId("a-very-long-node-name-for-the-cluster").length());
    }

    @Test
    void nodesOnDifferentHttpPortsGetDifferentPortOffsets() {
        assertEquals(0, WildFlyServer.portOffset(9000));
        assertNotEquals(WildFlyServer.portOffset(9000), WildFlyServer.portOffset(9001));
        assertEquals(100, WildFlyServer.portOffset(19100));
    }

    @Test
    void everyPortWildFlyDerivesStaysAPortForHttpPortsUpTo65535() {
        for (int port = 1; port <= 65_535; port++) {
            assertTrue(55_200 + WildFlyServer.portOffset(port) <= 65_535, "JGroups' UDP port for HTTP port " + port);
        }
    }
}
