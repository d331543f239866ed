package org.kinema.playlist;

import org.kinema.platform.DomainException;

/** PeerTube's playlist types: a regular playlist, or a user's own Watch later. */
public enum PlaylistType {
    REGULAR(1, "Regular"),
    WATCH_LATER(2, "Watch later");

    private final int id;
    private final String label;

    PlaylistType(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public int id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static PlaylistType of(int id) {
        for (PlaylistType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        throw DomainException.invalid("Unsupported playlist type: " + id + " (1 regular, 2 watch later)");
    }
}
