package org.kinema.tracker;

/** Someone in a swarm that the tracker can pass a message to (an offer, an answer). */
public interface Peer {

    /** Passes a tracker message (JSON text) on; may drop it if the peer cannot keep up. */
    void deliver(String message);

    /** False once the peer's connection is gone. */
    boolean isOpen();
}
