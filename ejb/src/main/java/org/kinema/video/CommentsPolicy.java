package org.kinema.video;

import org.kinema.platform.NumberedConstant;

/** Who may comment on a video: PeerTube's comments policy, with its numbers and labels. */
public enum CommentsPolicy implements NumberedConstant {
    ENABLED(1, "Enabled"),
    DISABLED(2, "Disabled"),
    REQUIRES_APPROVAL(3, "Requires approval");

    private final int id;
    private final String label;

    CommentsPolicy(int id, String label) {
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

    /** Whether comments are taken (and shown) at all; PeerTube's {@code commentsEnabled}. */
    public boolean isEnabled() {
        return this != DISABLED;
    }

    public static CommentsPolicy of(int id) {
        return NumberedConstant.byId(CommentsPolicy.class, id, "comments policy");
    }
}
