package org.kinema.tracker;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemorySwarmRegistryTest {

    private final InMemorySwarmRegistry registry = new InMemorySwarmRegistry();

    @Test
    void randomPeersAreDistinctAndNeverTheAskingPeer() {
        List<Peer> peers = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Peer peer = new TestPeer();
            peers.add(peer);
            registry.join("swarm", "peer" + i, peer, false, false);
        }
        for (int round = 0; round < 200; round++) {
            List<Peer> chosen = registry.randomPeers("swarm", "peer0", 20);
            assertEquals(20, chosen.size());
            assertEquals(20, new HashSet<>(chosen).size());
            assertFalse(chosen.contains(peers.get(0)));
        }
        assertEquals(29, registry.randomPeers("swarm", "peer0", 50).size(), "everyone else when few");
    }

    @Test
    void leavingKeepsTheOthersReachableAndTheLastOneEndsTheSwarm() {
        Peer a = new TestPeer();
        Peer b = new TestPeer();
        Peer c = new TestPeer();
        registry.join("swarm", "a", a, false, false);
        registry.join("swarm", "b", b, true, false);
        registry.join("swarm", "c", c, false, false);
        assertEquals(new SwarmCounts(1, 1, 0), registry.leave("swarm", "a", a));
        assertEquals(Set.of(b, c), new HashSet<>(registry.randomPeers("swarm", null, 5)));
        assertTrue(registry.peer("swarm", "c").isPresent());
        registry.leave("swarm", "b", b);
        registry.leave("swarm", "c", c);
        assertEquals(0, registry.swarmCount());
    }

    @Test
    void onlyTheHolderOfAPeerIdCanLeaveWithIt() {
        Peer a = new TestPeer();
        registry.join("swarm", "a", a, false, false);
        registry.leave("swarm", "a", new TestPeer());
        assertEquals(1, registry.counts("swarm").incomplete());
    }

    @Test
    void aPeerIdOfAClosedConnectionCanBeTakenOver() {
        TestPeer old = new TestPeer();
        registry.join("swarm", "a", old, false, false);
        assertInstanceOf(SwarmRegistry.Joined.PeerIdTaken.class, registry.join("swarm", "a", new TestPeer(), false, false));
        old.open = false;
        TestPeer reconnected = new TestPeer();
        assertInstanceOf(SwarmRegistry.Joined.Member.class, registry.join("swarm", "a", reconnected, false, false));
        assertEquals(reconnected, registry.peer("swarm", "a").orElseThrow());
    }

    private static final class TestPeer implements Peer {
        boolean open = true;

        @Override
        public void deliver(String message) {
        }

        @Override
        public boolean isOpen() {
            return open;
        }
    }
}
