package org.kinema.playlist;

/**
 * How an element shows to whoever reads a playlist, with PeerTube's numbers: its video, a video
 * since deleted, a video the reader may not see (private, internal, protected, unlisted of
 * others), or one not available at the moment (not yet published).
 */
public enum ElementType {
    REGULAR(0), DELETED(1), PRIVATE(2), UNAVAILABLE(3);

    private final int id;

    ElementType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }
}
