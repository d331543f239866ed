package org.kinema.tracker;

import org.junit.jupiter.api.Test;
import org.kinema.cluster.ClusterBus;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Swarms and address counts across nodes, over an in-process cluster bus that delivers at once. */
class ClusterSwarmRegistryTest {

    private static final String SWARM = "swarm-1";

    @Test
    void aPeerOfOneNodeIsCountedAndReachedFromTheOther() {
        Cluster cluster = new Cluster();
        ClusterSwarmRegistry a = new ClusterSwarmRegistry(cluster.node("a"));
        ClusterSwarmRegistry b = new ClusterSwarmRegistry(cluster.node("b"));
        RecordingPeer alice = new RecordingPeer();
        RecordingPeer bob = new RecordingPeer();

        a.join(SWARM, "alice", alice, false, false);
        assertEquals(new SwarmCounts(0, 1, 0), b.counts(SWARM), "b counts a's peer");
        SwarmRegistry.Joined joined = b.join(SWARM, "bob", bob, true, false);
        assertEquals(new SwarmCounts(1, 1, 0), ((SwarmRegistry.Joined.Member) joined).counts());
        assertEquals(new SwarmCounts(1, 1, 0), a.counts(SWARM));

        List<Peer> chosen = b.randomPeers(SWARM, "bob", 5);
        assertEquals(1, chosen.size());
        chosen.get(0).deliver("offer for alice");
        assertEquals(List.of("offer for alice"), alice.received, "an offer crosses to alice's node");
        a.peer(SWARM, "bob").orElseThrow().deliver("answer for bob");
        assertEquals(List.of("answer for bob"), bob.received, "the answer comes back");
    }

    @Test
    void oneAnnouncesOffersForTheSameNodeTravelTogether() {
        Cluster cluster = new Cluster();
        ClusterSwarmRegistry a = new ClusterSwarmRegistry(cluster.node("a"));
        ClusterSwarmRegistry b = new ClusterSwarmRegistry(cluster.node("b"));
        RecordingPeer alice = new RecordingPeer();
        RecordingPeer carol = new RecordingPeer();
        RecordingPeer bob = new RecordingPeer();
        a.join(SWARM, "alice", alice, false, false);
        a.join(SWARM, "carol", carol, false, false);
        b.join(SWARM, "bob", bob, false, false);
        RecordingPeer dave = new RecordingPeer();
        b.join(SWARM, "dave", dave, false, false);

        List<Peer> chosen = b.randomPeers(SWARM, "bob", 3);
        assertEquals(3, chosen.size(), "alice and carol on a, dave on b");
        int sent = cluster.sent;
        b.deliverAll(SWARM, "bob", chosen, List.of("offer 1", "offer 2", "offer 3"));
        assertEquals(sent + 1, cluster.sent, "one message for a's two peers");
        assertEquals(1, alice.received.size());
        assertEquals(1, carol.received.size());
        assertEquals(1, dave.received.size(), "b's own peer gets its offer at once");
    }

    @Test
    void anAnswerFindsItsWayBackBeforeTheNewsOfTheOfferingPeersJoinArrives() {
        Cluster cluster = new Cluster();
        ClusterSwarmRegistry a = new ClusterSwarmRegistry(cluster.node("a"));
        ClusterSwarmRegistry b = new ClusterSwarmRegistry(cluster.node("b"));
        RecordingPeer bob = new RecordingPeer();
        b.join(SWARM, "bob", bob, false, false);
        RecordingPeer alice = new RecordingPeer();
        cluster.holdBroadcasts = true;
        a.join(SWARM, "alice", alice, false, false);
        List<Peer> chosen = a.randomPeers(SWARM, "alice", 5);
        a.deliverAll(SWARM, "alice", chosen, List.of("offer from alice"));
        assertEquals(List.of("offer from alice"), bob.received, "the offer reaches bob's node first");

        b.peer(SWARM, "alice").orElseThrow().deliver("answer for alice");
        assertEquals(List.of("answer for alice"), alice.received, "the answer comes back all the same");

        cluster.releaseBroadcasts();
        assertEquals(new SwarmCounts(0, 2, 0), b.counts(SWARM), "alice is counted once when the news arrives");
    }

    @Test
    void aPeerThatLeavesOrWhoseNodeLeavesIsForgotten() {
        Cluster cluster = new Cluster();
        ClusterSwarmRegistry a = new ClusterSwarmRegistry(cluster.node("a"));
        ClusterSwarmRegistry b = new ClusterSwarmRegistry(cluster.node("b"));
        RecordingPeer alice = new RecordingPeer();
        RecordingPeer carol = new RecordingPeer();
        a.join(SWARM, "alice", alice, false, false);
        a.join(SWARM, "carol", carol, false, false);
        assertEquals(2, b.counts(SWARM).incomplete());

        a.leave(SWARM, "alice", alice);
        assertEquals(1, b.counts(SWARM).incomplete(), "a leave reaches the other node");
        assertTrue(b.peer(SWARM, "alice").isEmpty());

        cluster.leave("a");
        assertEquals(SwarmCounts.EMPTY, b.counts(SWARM), "a node that leaves takes its peers along");
        assertTrue(b.randomPeers(SWARM, null, 5).isEmpty());
    }

    @Test
    void aNodeThatStartsLaterAsksForTheSwarmsAndGetsThem() {
        Cluster cluster = new Cluster();
        ClusterSwarmRegistry a = new ClusterSwarmRegistry(cluster.node("a"));
        a.join(SWARM, "alice", new RecordingPeer(), true, false);
        a.join("swarm-2", "dave", new RecordingPeer(), false, false);

        ClusterSwarmRegistry late = new ClusterSwarmRegistry(cluster.node("late"));
        assertEquals(new SwarmCounts(1, 0, 0), late.counts(SWARM));
        assertEquals(new SwarmCounts(0, 1, 0), late.counts("swarm-2"));
    }

    @Test
    void anAnnounceThatChangesNothingSendsNothing() {
        Cluster cluster = new Cluster();
        ClusterSwarmRegistry a = new ClusterSwarmRegistry(cluster.node("a"));
        new ClusterSwarmRegistry(cluster.node("b"));
        RecordingPeer alice = new RecordingPeer();
        a.join(SWARM, "alice", alice, false, false);
        int sent = cluster.sent;
        a.join(SWARM, "alice", alice, false, false);
        assertEquals(sent, cluster.sent, "a re-announce stays on its node");
        a.join(SWARM, "alice", alice, true, true);
        assertEquals(sent + 1, cluster.sent, "completing is news");
    }

    @Test
    void theSocketCapOfAnAddressCountsEveryNode() throws Exception {
        Cluster cluster = new Cluster();
        byte[] key = new byte[32];
        ClientAddresses a = addresses(cluster.node("a"), key, 3);
        ClientAddresses b = addresses(cluster.node("b"), key, 3);
        InetAddress viewer = InetAddress.getByName("192.0.2.7");
        assertEquals(a.key(viewer), b.key(viewer), "every node hashes an address alike");
        String hashed = a.key(viewer);

        assertTrue(a.admit(hashed));
        assertTrue(a.admit(hashed));
        assertTrue(b.admit(hashed), "the third socket, on the other node");
        assertFalse(b.admit(hashed), "the cap holds across the nodes");
        assertFalse(a.admit(hashed));
        a.release(hashed);
        assertTrue(b.admit(hashed), "a socket closed on one node frees a place on the other");

        ClientAddresses late = addresses(cluster.node("late"), key, 3);
        assertFalse(late.admit(hashed), "a node that starts later learns the counts");
    }

    private static ClientAddresses addresses(ClusterBus bus, byte[] key, int cap) {
        ClusterAddresses elsewhere = new ClusterAddresses(bus);
        ClientAddresses addresses = new ClientAddresses(() -> key, cap, 20, Duration.ofMinutes(10), System::nanoTime, elsewhere);
        elsewhere.attach(addresses);
        return addresses;
    }

    private static final class RecordingPeer implements Peer {
        final List<String> received = new ArrayList<>();

        @Override
        public void deliver(String message) {
            received.add(message);
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    }

    /** Nodes in one JVM: every message is handed over at once, on the sender's thread. */
    private static final class Cluster {
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final List<Runnable> heldBroadcasts = new ArrayList<>();
        int sent;
        /** Broadcasts wait until released, as JGroups may deliver them after later point-to-point messages. */
        boolean holdBroadcasts;

        void releaseBroadcasts() {
            holdBroadcasts = false;
            List<Runnable> held = List.copyOf(heldBroadcasts);
            heldBroadcasts.clear();
            held.forEach(Runnable::run);
        }

        ClusterBus node(String name) {
            Node node = new Node(name);
            Set<String> joined = Set.of(name);
            nodes.values().forEach(other -> other.subscribers.values().forEach(s -> s.membersChanged(joined, Set.of())));
            nodes.put(name, node);
            return node;
        }

        void leave(String name) {
            nodes.remove(name);
            nodes.values().forEach(other -> other.subscribers.values().forEach(s -> s.membersChanged(Set.of(), Set.of(name))));
        }

        private final class Node implements ClusterBus {
            private final String name;
            private final Map<Topic, Subscriber> subscribers = new EnumMap<>(Topic.class);

            Node(String name) {
                this.name = name;
            }

            @Override
            public String self() {
                return name;
            }

            @Override
            public List<String> members() {
                return List.copyOf(nodes.keySet());
            }

            @Override
            public boolean isMember(String node) {
                return nodes.containsKey(node);
            }

            @Override
            public void broadcast(Topic topic, byte[] payload) {
                for (String other : List.copyOf(nodes.keySet())) {
                    if (holdBroadcasts) {
                        heldBroadcasts.add(() -> send(other, topic, payload));
                    } else {
                        send(other, topic, payload);
                    }
                }
            }

            @Override
            public void send(String member, Topic topic, byte[] payload) {
                Node to = nodes.get(member);
                if (to == null || member.equals(name)) {
                    return;
                }
                sent++;
                Subscriber subscriber = to.subscribers.get(topic);
                if (subscriber != null) {
                    subscriber.received(name, payload);
                }
            }

            @Override
            public void subscribe(Topic topic, Subscriber subscriber) {
                subscribers.put(topic, subscriber);
            }
        }
    }
}
