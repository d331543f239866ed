package org.kinema.video;

import org.kinema.platform.NumberedConstant;

/**
 * Who may see a video: public (listed), unlisted (only by its link), private (its owner),
 * internal (anyone logged in on this instance), password protected (whoever gives one of its
 * passwords; listed nowhere, as unlisted ones). PeerTube's numbers.
 */
public enum Privacy implements NumberedConstant {
    PUBLIC(1, "Public"),
    UNLISTED(2, "Unlisted"),
    PRIVATE(3, "Private"),
    INTERNAL(4, "Internal"),
    PASSWORD_PROTECTED(5, "Password protected");

    private final int id;
    private final String label;

    Privacy(int id, String label) {
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

    public static Privacy of(int id) {
        return NumberedConstant.byId(Privacy.class, id, "privacy");
    }

    /** Whether anyone with the link, logged in or not, may watch. */
    public boolean isOpenToAnyone() {
        return this == PUBLIC || this == UNLISTED;
    }
}
