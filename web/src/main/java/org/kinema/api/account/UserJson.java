package org.kinema.api.account;

import org.kinema.account.User;
import org.kinema.account.UserDetails;
import org.kinema.api.channel.ChannelJson;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** PeerTube's {@code User} (and {@code MyUser} for {@code /users/me}). */
public record UserJson(long id, String username, String email, boolean emailVerified, String pendingEmail,
                       boolean emailPublic, Role role, int adminFlags, long videoQuota, long videoQuotaDaily,
                       long videoQuotaUsed, long videoQuotaUsedDaily,
                       boolean blocked, String blockedReason, String nsfwPolicy, boolean p2pEnabled,
                       boolean autoPlayVideo, boolean autoPlayNextVideo, boolean autoPlayNextVideoPlaylist,
                       boolean videosHistoryEnabled, List<String> videoLanguages, String theme, String pluginAuth,
                       boolean noInstanceConfigWarningModal, boolean noAccountSetupWarningModal, boolean noWelcomeModal,
                       boolean twoFactorEnabled, OffsetDateTime lastLoginDate, OffsetDateTime createdAt,
                       AccountJson account, List<ChannelJson> videoChannels,
                       Map<String, Integer> notificationSettings, List<Object> specialPlaylists) {

    /** PeerTube's role object: {@code {"id": 0, "label": "Administrator"}}. */
    public record Role(int id, String label) {
    }

    private static final List<String> NOTIFICATION_KINDS = List.of("newVideoFromSubscription", "newCommentOnMyVideo",
            "abuseAsModerator", "videoAutoBlacklistAsModerator", "blacklistOnMyVideo", "myVideoPublished",
            "myVideoImportFinished", "newFollow", "newUserRegistration", "commentMention", "newInstanceFollower",
            "autoInstanceFollowing", "abuseStateChange", "abuseNewMessage", "newPeerTubeVersion", "newPluginVersion",
            "myVideoStudioEditionFinished", "myVideoTranscriptionGenerated");

    public static UserJson of(UserDetails details, String localHost) {
        User user = details.user();
        Map<String, Integer> notifications = new java.util.LinkedHashMap<>();
        NOTIFICATION_KINDS.forEach(kind -> notifications.put(kind, 1));
        return new UserJson(user.id(), user.username(), user.email(), user.emailVerified(), null, false,
                new Role(user.role().id(), user.role().label()), 0, user.videoQuota(), user.videoQuotaDaily(),
                details.quotaUse().total(), details.quotaUse().daily(),
                user.blocked(), user.blockedReason(), user.nsfwPolicy(), user.p2pEnabled(), user.autoPlayVideo(), true, true,
                true, null, "instance-default", null, true, true, true, false, user.lastLoginDate(), user.createdAt(),
                AccountJson.of(details.account(), localHost),
                details.channels().stream().map(channel -> ChannelJson.of(channel, localHost)).toList(),
                notifications, List.of());
    }
}
