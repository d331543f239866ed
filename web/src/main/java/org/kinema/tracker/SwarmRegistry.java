package org.kinema.tracker;

import java.util.List;
import java.util.Optional;

/**
 * Who is in which swarm. Info hashes and peer ids are the 20-character binary strings of the
 * protocol. This node's peers are in an {@link InMemorySwarmRegistry}; {@link ClusterSwarmRegistry}
 * adds those of the cluster's other nodes. Peers are never written to any persistent store.
 */
public interface SwarmRegistry {

    /** What became of an announce. */
    sealed interface Joined permits Joined.Member, Joined.PeerIdTaken {
        /**
         * The peer is in the swarm; the counts include it. {@code news}: it is new there, or it
         * now seeds, or it just completed (what other nodes' registries must hear).
         */
        record Member(SwarmCounts counts, boolean news) implements Joined {
        }

        /** Another open connection holds that peer id in the swarm. */
        record PeerIdTaken() implements Joined {
        }
    }

    /**
     * Adds the peer to the swarm, or refreshes it. {@code seeding}: it has the whole content;
     * {@code justCompleted}: it announced {@code completed} (counted as a download).
     */
    Joined join(String infoHash, String peerId, Peer peer, boolean seeding, boolean justCompleted);

    /** Removes the peer if {@code peer} still holds that id there; returns the swarm's counts after. */
    SwarmCounts leave(String infoHash, String peerId, Peer peer);

    /** Up to {@code count} peers of the swarm chosen at random, never the one named {@code except}. */
    List<Peer> randomPeers(String infoHash, String except, int count);

    /**
     * Hands each peer its message ({@code messages.get(i)} to {@code peers.get(i)}), as the offers
     * of one announce of peer {@code from} in the swarm go out; a registry may send those for one
     * other node together.
     */
    default void deliverAll(String infoHash, String from, List<Peer> peers, List<String> messages) {
        for (int i = 0; i < peers.size(); i++) {
            peers.get(i).deliver(messages.get(i));
        }
    }

    /** The peer holding that id in the swarm. */
    Optional<Peer> peer(String infoHash, String peerId);

    SwarmCounts counts(String infoHash);

    /** How many swarms have peers now. */
    int swarmCount();
}
