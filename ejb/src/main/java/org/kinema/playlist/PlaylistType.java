package org.kinema.playlist;

import org.kinema.platform.NumberedConstant;

/** PeerTube's playlist types: a regular playlist, or a user's own Watch later. */
public enum PlaylistType implements NumberedConstant {
    REGULAR(1, "Regular"),
    WATCH_LATER(2, "Watch later");

    private final int id;
    private final String label;

    PlaylistType(int id, String label) {
        this.id = id;
        this.label = label;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    public static PlaylistType of(int id) {
        return NumberedConstant.byId(PlaylistType.class, id, "playlist type");
    }
}
