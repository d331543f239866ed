package org.kinema.tracker;

import org.kinema.cluster.ClusterBus;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Swarms across the cluster: this node's peers (its sockets) in one in-memory registry, the other
 * nodes' peers in another, kept up to date by the messages every node broadcasts when a peer
 * joins a swarm, changes (seeds, completes) or leaves, and by a snapshot of its peers that each
 * node sends a registry that starts (which asks every node for one). A peer of another node is a {@link RemotePeer}: what it is given goes to its
 * node, which hands it to the socket. A node that leaves the cluster takes its peers with it.
 *
 * <p>An announce refreshes a peer without any message between nodes; messages go only when
 * membership changes and for each relayed offer or answer, so the cluster costs the tracker little
 * while swarms are stable. Counts are this node's plus the others'.
 */
public final class ClusterSwarmRegistry implements SwarmRegistry, ClusterBus.Subscriber {

    private static final Logger LOG = Logger.getLogger(ClusterSwarmRegistry.class.getName());

    private static final byte JOINED = 1;
    private static final byte LEFT = 2;
    private static final byte RELAY = 3;
    private static final byte SNAPSHOT_WANTED = 4;
    /** Joins sent to a newcomer are batched by this many. */
    private static final int SNAPSHOT_BATCH = 500;

    private final InMemorySwarmRegistry local = new InMemorySwarmRegistry();
    private final InMemorySwarmRegistry remote = new InMemorySwarmRegistry();
    /** The swarm places each other node holds, to forget them when it leaves. */
    private final ConcurrentHashMap<String, Set<Place>> placesByNode = new ConcurrentHashMap<>();
    private final ClusterBus bus;

    private record Place(String infoHash, String peerId) {
    }

    public ClusterSwarmRegistry(ClusterBus bus) {
        this.bus = bus;
        bus.subscribe(ClusterBus.Topic.TRACKER, this);
        bus.broadcast(ClusterBus.Topic.TRACKER, Wire.message(SNAPSHOT_WANTED, out -> {
        }));
    }

    @Override
    public Joined join(String infoHash, String peerId, Peer peer, boolean seeding, boolean justCompleted) {
        Joined joined = local.join(infoHash, peerId, peer, seeding, justCompleted);
        if (joined instanceof Joined.Member member) {
            if (member.news()) {
                bus.broadcast(ClusterBus.Topic.TRACKER, joins(List.of(new Join(infoHash, peerId, seeding, justCompleted))));
            }
            return new Joined.Member(plus(member.counts(), remote.counts(infoHash)), member.news());
        }
        return joined;
    }

    @Override
    public SwarmCounts leave(String infoHash, String peerId, Peer peer) {
        SwarmCounts counts = local.leave(infoHash, peerId, peer);
        bus.broadcast(ClusterBus.Topic.TRACKER, Wire.message(LEFT, out -> {
            out.writeUTF(infoHash);
            out.writeUTF(peerId);
        }));
        return plus(counts, remote.counts(infoHash));
    }

    @Override
    public List<Peer> randomPeers(String infoHash, String except, int count) {
        List<Peer> here = local.randomPeers(infoHash, except, count);
        List<Peer> there = remote.randomPeers(infoHash, except, count);
        if (there.isEmpty()) {
            return here;
        }
        List<Peer> all = new ArrayList<>(here.size() + there.size());
        all.addAll(here);
        all.addAll(there);
        if (all.size() <= count) {
            return all;
        }
        Collections.shuffle(all, ThreadLocalRandom.current());
        return all.subList(0, count);
    }

    /**
     * This node's peers get their messages at once; those of each other node go there in one
     * message, which names the offering peer: the news of its join travels apart and may come
     * later, and the answers must find their way back meanwhile.
     */
    @Override
    public void deliverAll(String infoHash, String from, List<Peer> peers, List<String> messages) {
        Map<String, List<Integer>> byNode = null;
        for (int i = 0; i < peers.size(); i++) {
            if (peers.get(i) instanceof RemotePeer remote) {
                if (byNode == null) {
                    byNode = new HashMap<>();
                }
                byNode.computeIfAbsent(remote.node, node -> new ArrayList<>()).add(i);
            } else {
                peers.get(i).deliver(messages.get(i));
            }
        }
        if (byNode == null) {
            return;
        }
        byNode.forEach((node, indexes) -> bus.sendUnordered(node, ClusterBus.Topic.TRACKER, Wire.message(RELAY, out -> {
            out.writeUTF(infoHash);
            out.writeUTF(from);
            out.writeInt(indexes.size());
            for (int i : indexes) {
                RemotePeer remote = (RemotePeer) peers.get(i);
                writeRelay(out, remote.infoHash, remote.peerId, messages.get(i));
            }
        })));
    }

    private static void writeRelay(DataOutputStream out, String infoHash, String peerId, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeUTF(infoHash);
        out.writeUTF(peerId);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    @Override
    public Optional<Peer> peer(String infoHash, String peerId) {
        Optional<Peer> here = local.peer(infoHash, peerId);
        return here.isPresent() ? here : remote.peer(infoHash, peerId);
    }

    @Override
    public SwarmCounts counts(String infoHash) {
        return plus(local.counts(infoHash), remote.counts(infoHash));
    }

    /** Swarms with peers on this node. */
    @Override
    public int swarmCount() {
        return local.swarmCount();
    }

    private static SwarmCounts plus(SwarmCounts a, SwarmCounts b) {
        if (b.equals(SwarmCounts.EMPTY)) {
            return a;
        }
        return new SwarmCounts(a.complete() + b.complete(), a.incomplete() + b.incomplete(),
                a.downloaded() + b.downloaded());
    }

    // --- messages from the other nodes ---

    @Override
    public void received(String from, byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            switch (in.readByte()) {
                case JOINED -> {
                    int count = in.readInt();
                    for (int i = 0; i < count; i++) {
                        joinedThere(from, in.readUTF(), in.readUTF(), in.readBoolean(), in.readBoolean());
                    }
                }
                case LEFT -> leftThere(from, in.readUTF(), in.readUTF());
                case RELAY -> {
                    String swarm = in.readUTF();
                    String sender = in.readUTF();
                    if (!sender.isEmpty() && peer(swarm, sender).isEmpty()) {
                        joinedThere(from, swarm, sender, false, false);
                    }
                    int count = in.readInt();
                    for (int i = 0; i < count; i++) {
                        String infoHash = in.readUTF();
                        String peerId = in.readUTF();
                        byte[] text = in.readNBytes(in.readInt());
                        local.peer(infoHash, peerId).ifPresent(peer -> peer.deliver(new String(text, StandardCharsets.UTF_8)));
                    }
                }
                case SNAPSHOT_WANTED -> sendSnapshot(from);
                default -> LOG.fine(() -> "Tracker: unknown cluster message from " + from);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Tracker: unreadable cluster message from " + from, e);
        }
    }

    private void joinedThere(String node, String infoHash, String peerId, boolean seeding, boolean completed) {
        Optional<Peer> known = remote.peer(infoHash, peerId);
        RemotePeer peer;
        if (known.isPresent() && known.get() instanceof RemotePeer same && same.node.equals(node)) {
            peer = same;
        } else {
            // new here, or moved from another node (a browser that reconnected elsewhere)
            known.ifPresent(other -> forget(infoHash, peerId, other));
            peer = new RemotePeer(node, infoHash, peerId);
        }
        placesByNode.computeIfAbsent(node, key -> ConcurrentHashMap.newKeySet()).add(new Place(infoHash, peerId));
        remote.join(infoHash, peerId, peer, seeding, completed);
    }

    private void leftThere(String node, String infoHash, String peerId) {
        remote.peer(infoHash, peerId).ifPresent(peer -> {
            if (peer instanceof RemotePeer there && there.node.equals(node)) {
                forget(infoHash, peerId, peer);
            }
        });
    }

    private void forget(String infoHash, String peerId, Peer peer) {
        remote.leave(infoHash, peerId, peer);
        if (peer instanceof RemotePeer there) {
            Set<Place> places = placesByNode.get(there.node);
            if (places != null) {
                places.remove(new Place(infoHash, peerId));
            }
        }
    }

    @Override
    public void membersChanged(Set<String> joined, Set<String> left) {
        for (String node : left) {
            Set<Place> places = placesByNode.remove(node);
            if (places == null) {
                continue;
            }
            for (Place place : places) {
                remote.peer(place.infoHash(), place.peerId()).ifPresent(peer -> {
                    if (peer instanceof RemotePeer there && there.node.equals(node)) {
                        remote.leave(place.infoHash(), place.peerId(), peer);
                    }
                });
            }
            LOG.info(() -> "Tracker: node " + node + " left the cluster with " + places.size() + " peers");
        }
        // a node that joins asks for the snapshot once its tracker is there (see the constructor)
    }

    private void sendSnapshot(String node) {
        List<Join> snapshot = new ArrayList<>();
        local.forEach((infoHash, peerId, peer, seeding) -> snapshot.add(new Join(infoHash, peerId, seeding, false)));
        for (int from = 0; from < snapshot.size(); from += SNAPSHOT_BATCH) {
            bus.send(node, ClusterBus.Topic.TRACKER,
                    joins(snapshot.subList(from, Math.min(snapshot.size(), from + SNAPSHOT_BATCH))));
        }
    }

    // --- the wire ---

    private record Join(String infoHash, String peerId, boolean seeding, boolean completed) {
    }

    private static byte[] joins(List<Join> joins) {
        return Wire.message(JOINED, out -> {
            out.writeInt(joins.size());
            for (Join join : joins) {
                out.writeUTF(join.infoHash());
                out.writeUTF(join.peerId());
                out.writeBoolean(join.seeding());
                out.writeBoolean(join.completed());
            }
        });
    }

    /** A peer whose socket is on another node: what it is given is relayed there. */
    private final class RemotePeer implements Peer {
        private final String node;
        private final String infoHash;
        private final String peerId;

        RemotePeer(String node, String infoHash, String peerId) {
            this.node = node;
            this.infoHash = infoHash;
            this.peerId = peerId;
        }

        @Override
        public void deliver(String text) {
            bus.sendUnordered(node, ClusterBus.Topic.TRACKER, Wire.message(RELAY, out -> {
                out.writeUTF(infoHash);
                out.writeUTF("");
                out.writeInt(1);
                writeRelay(out, infoHash, peerId, text);
            }));
        }

        @Override
        public boolean isOpen() {
            return bus.isMember(node);
        }
    }
}
