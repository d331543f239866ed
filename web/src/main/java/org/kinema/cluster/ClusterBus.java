package org.kinema.cluster;

import java.util.List;
import java.util.Set;

/**
 * Messages between the nodes of the cluster, by topic, and the cluster's members. Messages are
 * sent without waiting and in order between two nodes; one sent to a node that leaves meanwhile is
 * lost, as is everything that node held in memory (its subscribers hear that it left).
 */
public interface ClusterBus {

    /** What a message is about: each topic has one subscriber per node. */
    enum Topic {
        /** The tracker's swarm membership and the messages it relays to other nodes' sockets. */
        TRACKER,
        /** The tracker's counts per client address (sockets, videos announced). */
        TRACKER_ADDRESSES,
        /** Which swarms the instance serves changed (a video published, deleted, made private). */
        SWARMS_SERVED
    }

    /** Someone on this node who takes a topic's messages. */
    interface Subscriber {

        /** A message of the topic from {@code from}, on a thread of the cluster's: must not wait. */
        void received(String from, byte[] payload);

        /** Nodes joined and left the cluster (neither includes this node). */
        void membersChanged(Set<String> joined, Set<String> left);
    }

    /** This node's name among the members. */
    String self();

    /** The members now, this node included, oldest first. */
    List<String> members();

    boolean isMember(String node);

    /** To every other member. */
    void broadcast(Topic topic, byte[] payload);

    /** To one member; nothing happens if it is not one (any more). */
    void send(String member, Topic topic, byte[] payload);

    /**
     * To one member, handled there as soon as it arrives, perhaps before messages sent earlier:
     * for messages that stand alone (a relayed offer), which then need not wait their turn.
     */
    default void sendUnordered(String member, Topic topic, byte[] payload) {
        send(member, topic, payload);
    }

    void subscribe(Topic topic, Subscriber subscriber);
}
