package org.kinema.notification;

import java.util.Optional;

/**
 * PeerTube's notification settings, by its names, with its defaults: a sum of {@link #WEB} and
 * {@link #EMAIL} (0 none, 1 web, 2 e-mail, 3 both).
 */
public enum NotificationSetting {
    NEW_VIDEO_FROM_SUBSCRIPTION("newVideoFromSubscription", NotificationSetting.WEB),
    NEW_COMMENT_ON_MY_VIDEO("newCommentOnMyVideo", NotificationSetting.WEB),
    ABUSE_AS_MODERATOR("abuseAsModerator", NotificationSetting.WEB | NotificationSetting.EMAIL),
    VIDEO_AUTO_BLACKLIST_AS_MODERATOR("videoAutoBlacklistAsModerator", NotificationSetting.WEB | NotificationSetting.EMAIL),
    BLACKLIST_ON_MY_VIDEO("blacklistOnMyVideo", NotificationSetting.WEB | NotificationSetting.EMAIL),
    MY_VIDEO_PUBLISHED("myVideoPublished", NotificationSetting.WEB),
    MY_VIDEO_IMPORT_FINISHED("myVideoImportFinished", NotificationSetting.WEB),
    NEW_FOLLOW("newFollow", NotificationSetting.WEB),
    NEW_USER_REGISTRATION("newUserRegistration", NotificationSetting.WEB),
    COMMENT_MENTION("commentMention", NotificationSetting.WEB),
    NEW_INSTANCE_FOLLOWER("newInstanceFollower", NotificationSetting.WEB),
    AUTO_INSTANCE_FOLLOWING("autoInstanceFollowing", NotificationSetting.WEB),
    ABUSE_STATE_CHANGE("abuseStateChange", NotificationSetting.WEB | NotificationSetting.EMAIL),
    ABUSE_NEW_MESSAGE("abuseNewMessage", NotificationSetting.WEB | NotificationSetting.EMAIL),
    NEW_PEERTUBE_VERSION("newPeerTubeVersion", NotificationSetting.WEB),
    NEW_PLUGIN_VERSION("newPluginVersion", NotificationSetting.WEB),
    MY_VIDEO_STUDIO_EDITION_FINISHED("myVideoStudioEditionFinished", NotificationSetting.WEB),
    MY_VIDEO_TRANSCRIPTION_GENERATED("myVideoTranscriptionGenerated", NotificationSetting.WEB);

    public static final int NONE = 0;
    public static final int WEB = 1;
    public static final int EMAIL = 2;

    private final String key;
    private final int byDefault;

    NotificationSetting(String key, int byDefault) {
        this.key = key;
        this.byDefault = byDefault;
    }

    /** PeerTube's name of the setting. */
    public String key() {
        return key;
    }

    public int byDefault() {
        return byDefault;
    }

    public static Optional<NotificationSetting> byKey(String key) {
        for (NotificationSetting setting : values()) {
            if (setting.key.equals(key)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }
}
