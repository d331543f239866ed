package org.kinema.playlist;

import org.kinema.platform.NumberedConstant;

/** Who may see a playlist, with PeerTube's numbers: anyone (listed), anyone with its link, its owner. */
public enum PlaylistPrivacy implements NumberedConstant {
    PUBLIC(1, "Public"),
    UNLISTED(2, "Unlisted"),
    PRIVATE(3, "Private");

    private final int id;
    private final String label;

    PlaylistPrivacy(int id, String label) {
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

    public static PlaylistPrivacy of(int id) {
        return NumberedConstant.byId(PlaylistPrivacy.class, id, "playlist privacy");
    }
}
