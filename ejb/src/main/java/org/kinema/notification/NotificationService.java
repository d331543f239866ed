package org.kinema.notification;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.kinema.account.Caller;
import org.kinema.platform.DomainException;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** A user reads their notifications, marks them read, and says how they want to hear of each kind. */
@Stateless
public class NotificationService {

    @Inject
    private NotificationRepository notifications;

    public PageResult<NotificationView> page(Caller caller, boolean unreadOnly, Page page) {
        return notifications.page(caller.userId(), caller.canManageUsers(), unreadOnly, page);
    }

    public void markRead(Caller caller, Collection<Long> ids) {
        notifications.markRead(caller.userId(), ids);
    }

    public void markAllRead(Caller caller) {
        notifications.markAllRead(caller.userId());
    }

    /** The user's settings by PeerTube's names, in PeerTube's order. */
    public Map<String, Integer> settings(long userId) {
        Map<String, Integer> settings = new LinkedHashMap<>();
        notifications.settings(userId).forEach((setting, value) -> settings.put(setting.key(), value));
        return settings;
    }

    /** Changes the settings named (PeerTube's names; values 0 to 3); the others stay as they are. */
    public void changeSettings(Caller caller, Map<String, Integer> changes) {
        changes.forEach((key, value) -> {
            if (value == null || value < NotificationSetting.NONE || value > (NotificationSetting.WEB | NotificationSetting.EMAIL)) {
                throw DomainException.invalid(key + " must be 0 (none), 1 (web), 2 (e-mail) or 3 (both)");
            }
        });
        changes.forEach((key, value) -> NotificationSetting.byKey(key)
                .ifPresent(setting -> notifications.change(caller.userId(), setting, value)));
    }
}
