package org.kinema.tracker;

/** A client's WebSocket as the tracker sees it. */
public interface Connection {

    /** Sends a text frame without waiting; false if it was dropped (the client is not reading). */
    boolean send(String text);

    /** Sends a last text frame, then closes the connection as refused by policy. */
    void refuse(String text);

    boolean isOpen();
}
