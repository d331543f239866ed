package org.kinema.follow;

/** What happens to follows, announced as CDI events for other features to react to after commit. */
public final class FollowEvents {

    private FollowEvents() {
    }

    /** An actor now follows another (a user subscribed to a channel). */
    public record Followed(long followId) {
    }

    /** An actor is about to stop following another (observed in the transaction, before the follow is removed). */
    public record Unfollowing(long followId) {
    }
}
