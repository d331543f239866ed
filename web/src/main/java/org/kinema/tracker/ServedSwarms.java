package org.kinema.tracker;

import java.util.OptionalLong;

/**
 * Which swarms this instance serves, as the tracker needs to know for every announce. The answer
 * usually comes from memory; when it does not, asking may wait for the database, which the
 * tracker then does off the thread that reads the sockets.
 */
public interface ServedSwarms {

    /** True if {@link #videoOf} answers for this swarm (lowercase hex info hash) from memory. */
    boolean knows(String infoHashHex);

    /** The video whose swarm this is (lowercase hex info hash), if this instance serves it; may wait. */
    OptionalLong videoOf(String infoHashHex);
}
