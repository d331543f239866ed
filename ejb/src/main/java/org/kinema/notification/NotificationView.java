package org.kinema.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A notification as a user reads it, with what it is about in PeerTube's small shapes: each part
 * is null when the notification is not about it. Hosts are null for this instance.
 */
public record NotificationView(long id, int type, boolean read, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                               VideoRef video, CommentRef comment, ActorRef account, FollowRef follow) {

    /** An account or channel: PeerTube's {@code ActorInfo}. */
    public record ActorRef(long id, String name, String displayName, String host) {
    }

    /** A video and its channel: PeerTube's {@code VideoInfo}. */
    public record VideoRef(long id, UUID uuid, String shortUuid, String name, int state, ActorRef channel) {
    }

    /** A comment (its author null once deleted). */
    public record CommentRef(long id, long threadId, boolean heldForReview, ActorRef account) {
    }

    /** A follow: its follower's account and the channel followed. */
    public record FollowRef(long id, String state, ActorRef follower, ActorRef following) {
    }
}
