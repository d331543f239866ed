package org.kinema.notification;

/**
 * The kinds of notification Kinema makes, with PeerTube's numbers ({@code UserNotificationType}) and
 * the setting that governs each. PeerTube has no kind for a failed transcoding: Kinema's is 101,
 * out of PeerTube's range, and follows the setting of published videos. A reply to a comment is a
 * mention of its parent's author, as in PeerTube.
 */
public enum NotificationType {
    NEW_VIDEO_FROM_SUBSCRIPTION(1, NotificationSetting.NEW_VIDEO_FROM_SUBSCRIPTION),
    NEW_COMMENT_ON_MY_VIDEO(2, NotificationSetting.NEW_COMMENT_ON_MY_VIDEO),
    MY_VIDEO_PUBLISHED(6, NotificationSetting.MY_VIDEO_PUBLISHED),
    NEW_USER_REGISTRATION(9, NotificationSetting.NEW_USER_REGISTRATION),
    NEW_FOLLOW(10, NotificationSetting.NEW_FOLLOW),
    COMMENT_MENTION(11, NotificationSetting.COMMENT_MENTION),
    MY_VIDEO_TRANSCODING_FAILED(101, NotificationSetting.MY_VIDEO_PUBLISHED);

    private final int id;
    private final NotificationSetting setting;

    NotificationType(int id, NotificationSetting setting) {
        this.id = id;
        this.setting = setting;
    }

    public int id() {
        return id;
    }

    public NotificationSetting setting() {
        return setting;
    }

    static NotificationType of(int id) {
        for (NotificationType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        throw new IllegalStateException("Unknown notification type " + id);
    }
}
