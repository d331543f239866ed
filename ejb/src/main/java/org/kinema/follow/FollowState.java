package org.kinema.follow;

/** Where a follow stands: asked (a remote actor has not answered yet), accepted or rejected. PeerTube's words. */
public enum FollowState {
    PENDING("pending"), ACCEPTED("accepted"), REJECTED("rejected");

    private final String label;

    FollowState(String label) {
        this.label = label;
    }

    /** The state as PeerTube and the database write it. */
    public String label() {
        return label;
    }

    static FollowState of(String label) {
        for (FollowState state : values()) {
            if (state.label.equals(label)) {
                return state;
            }
        }
        throw new IllegalStateException("Unknown follow state " + label);
    }
}
