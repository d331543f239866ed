package org.kinema.api.account;

import org.kinema.account.User;
import org.kinema.api.actor.AccountJson;
import org.kinema.api.actor.ChannelJson;
import org.kinema.user.UserDetails;

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
                       Map<String, Integer> notificationSettings, List<SpecialPlaylist> specialPlaylists) {

    /** One of PeerTube's {@code specialPlaylists} of a user: their Watch later. */
    public record SpecialPlaylist(long id, String name, int type) {
    }

    /** PeerTube's role object: {@code {"id": 0, "label": "Administrator"}}. */
    public record Role(int id, String label) {
    }

    /** The user; {@code notificationSettings} by PeerTube's names (1 web, 2 e-mail, 3 both, 0 none). */
    public static UserJson of(UserDetails details, String localHost, Map<String, Integer> notificationSettings) {
        User user = details.user();
        return new UserJson(user.id(), user.username(), user.email(), user.emailVerified(), null, false,
                new Role(user.role().id(), user.role().label()), 0, user.videoQuota(), user.videoQuotaDaily(),
                details.quotaUse().total(), details.quotaUse().daily(),
                user.blocked(), user.blockedReason(), user.nsfwPolicy(), user.p2pEnabled(), user.autoPlayVideo(), true, true,
                user.videosHistoryEnabled(), null, "instance-default", null, true, true, true, false, user.lastLoginDate(),
                user.createdAt(), AccountJson.of(details.account(), localHost),
                details.channels().stream().map(channel -> ChannelJson.of(channel, localHost)).toList(),
                notificationSettings, List.of());
    }

    /** The same user, as they see themselves: with their special playlists. */
    public UserJson withSpecialPlaylists(List<SpecialPlaylist> playlists) {
        return new UserJson(id, username, email, emailVerified, pendingEmail, emailPublic, role, adminFlags, videoQuota,
                videoQuotaDaily, videoQuotaUsed, videoQuotaUsedDaily, blocked, blockedReason, nsfwPolicy, p2pEnabled,
                autoPlayVideo, autoPlayNextVideo, autoPlayNextVideoPlaylist, videosHistoryEnabled, videoLanguages, theme,
                pluginAuth, noInstanceConfigWarningModal, noAccountSetupWarningModal, noWelcomeModal, twoFactorEnabled,
                lastLoginDate, createdAt, account, videoChannels, notificationSettings, List.copyOf(playlists));
    }
}
