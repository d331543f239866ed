package org.kinema.playlist;

import org.kinema.platform.DomainException;

/** Who may see a playlist, with PeerTube's numbers: anyone (listed), anyone with its link, its owner. */
public enum PlaylistPrivacy {
    PUBLIC(1, "Public"),
    UNLISTED(2, "Unlisted"),
    PRIVATE(3, "Private");

    private final int id;
    private final String label;

    PlaylistPrivacy(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public int id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static PlaylistPrivacy of(int id) {
        for (PlaylistPrivacy privacy : values()) {
            if (privacy.id == id) {
                return privacy;
            }
        }
        throw DomainException.invalid("Unsupported playlist privacy: " + id + " (1 public, 2 unlisted, 3 private)");
    }
}
