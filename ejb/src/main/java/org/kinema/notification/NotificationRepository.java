package org.kinema.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.kinema.platform.DomainException;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Notifications, written one by one or to every subscriber of a channel at once, read a page at a time; and settings. */
@ApplicationScoped
public class NotificationRepository {

    /** PeerTube's sorts of notifications (an index behind the default, see V8). */
    private static final Map<String, String> SORTS = Map.of("createdAt", "n.created_at", "read", "n.read");

    /**
     * Whether the user still may watch the video a notification is about (or it is about none):
     * the rules of {@code VideoAccess}, in SQL, for notifications made before a video turned private.
     * Parameters: 1 the user, 2 whether they manage every video.
     */
    private static final String STILL_WATCHABLE = " AND (n.video_id IS NULL OR ?2 OR vo.user_id = ?1"
            + " OR (v.state = 1 AND v.privacy IN (1, 2, 4)))";
    private static final String VIDEO_JOINS = " LEFT JOIN kinema.video v ON v.id = n.video_id"
            + " LEFT JOIN kinema.video_channel vc ON vc.id = v.channel_id"
            + " LEFT JOIN kinema.account vo ON vo.id = vc.account_id";

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    public void add(Notification notification) {
        em.persist(notification);
    }

    public boolean exists(long userId, NotificationType type, long videoId) {
        return !em.createQuery("SELECT n.id FROM Notification n WHERE n.userId = :user AND n.type = :type AND n.videoId = :video")
                .setParameter("user", userId).setParameter("type", type.id()).setParameter("video", videoId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Tells every user following the channel (by its actor) who wants it on the web of a new video,
     * once per video, its owner aside; returns how many were told.
     */
    public int addForFollowersOf(long channelActorId, long videoId, long ownerUserId) {
        return em.createNativeQuery("""
                        INSERT INTO kinema.user_notification (user_id, type, video_id, created_at, updated_at)
                        SELECT a.user_id, ?1, ?2, now(), now() FROM kinema.actor_follow f
                          JOIN kinema.account a ON a.actor_id = f.follower_id AND a.user_id IS NOT NULL
                          LEFT JOIN kinema.user_notification_setting s ON s.user_id = a.user_id AND s.name = ?3
                         WHERE f.following_id = ?4 AND f.state = 'accepted' AND a.user_id <> ?5
                           AND coalesce(s.value, ?6) & 1 <> 0
                           AND NOT EXISTS (SELECT 1 FROM kinema.user_notification n
                                            WHERE n.user_id = a.user_id AND n.type = ?1 AND n.video_id = ?2)""")
                .setParameter(1, NotificationType.NEW_VIDEO_FROM_SUBSCRIPTION.id())
                .setParameter(2, videoId)
                .setParameter(3, NotificationSetting.NEW_VIDEO_FROM_SUBSCRIPTION.key())
                .setParameter(4, channelActorId)
                .setParameter(5, ownerUserId)
                .setParameter(6, NotificationSetting.NEW_VIDEO_FROM_SUBSCRIPTION.byDefault())
                .executeUpdate();
    }

    /** The e-mail addresses of the users following the channel who want a setting's news by e-mail, its owner aside. */
    @SuppressWarnings("unchecked")
    public List<String> emailsOfFollowersOf(long channelActorId, NotificationSetting setting, long ownerUserId) {
        return em.createNativeQuery("""
                        SELECT u.email FROM kinema.actor_follow f
                          JOIN kinema.account a ON a.actor_id = f.follower_id
                          JOIN kinema.users u ON u.id = a.user_id
                          LEFT JOIN kinema.user_notification_setting s ON s.user_id = u.id AND s.name = ?1
                         WHERE f.following_id = ?2 AND f.state = 'accepted' AND u.id <> ?3 AND coalesce(s.value, ?4) & 2 <> 0""")
                .setParameter(1, setting.key()).setParameter(2, channelActorId).setParameter(3, ownerUserId)
                .setParameter(4, setting.byDefault())
                .getResultList();
    }

    /** The users who moderate: administrators and moderators. */
    public List<Long> moderators() {
        return em.createQuery("SELECT u.id FROM User u WHERE u.role IN (0, 1) AND u.blocked = false ORDER BY u.id", Long.class)
                .getResultList();
    }

    /** A user's settings, each at its default unless they changed it. */
    public Map<NotificationSetting, Integer> settings(long userId) {
        Map<NotificationSetting, Integer> settings = new EnumMap<>(NotificationSetting.class);
        for (NotificationSetting setting : NotificationSetting.values()) {
            settings.put(setting, setting.byDefault());
        }
        for (Object row : em.createNativeQuery("SELECT name, value FROM kinema.user_notification_setting WHERE user_id = ?1")
                .setParameter(1, userId).getResultList()) {
            Object[] columns = (Object[]) row;
            NotificationSetting.byKey((String) columns[0])
                    .ifPresent(setting -> settings.put(setting, ((Number) columns[1]).intValue()));
        }
        return settings;
    }

    public int setting(long userId, NotificationSetting setting) {
        List<?> value = em.createNativeQuery("SELECT value FROM kinema.user_notification_setting WHERE user_id = ?1 AND name = ?2")
                .setParameter(1, userId).setParameter(2, setting.key()).getResultList();
        return value.isEmpty() ? setting.byDefault() : ((Number) value.get(0)).intValue();
    }

    public void change(long userId, NotificationSetting setting, int value) {
        em.createNativeQuery("""
                        INSERT INTO kinema.user_notification_setting (user_id, name, value) VALUES (?1, ?2, ?3)
                        ON CONFLICT (user_id, name) DO UPDATE SET value = EXCLUDED.value""")
                .setParameter(1, userId).setParameter(2, setting.key()).setParameter(3, value)
                .executeUpdate();
    }

    public void markRead(long userId, Collection<Long> ids) {
        if (!ids.isEmpty()) {
            em.createQuery("UPDATE Notification n SET n.read = true, n.updatedAt = :now"
                            + " WHERE n.userId = :user AND n.read = false AND n.id IN :ids")
                    .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC)).setParameter("user", userId).setParameter("ids", ids)
                    .executeUpdate();
        }
    }

    public void markAllRead(long userId) {
        em.createQuery("UPDATE Notification n SET n.read = true, n.updatedAt = :now WHERE n.userId = :user AND n.read = false")
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC)).setParameter("user", userId)
                .executeUpdate();
    }

    /**
     * A page of a user's notifications (only unread ones if asked), with what each is about, in one
     * query; those about a video the user may no longer watch are left out.
     */
    public PageResult<NotificationView> page(long userId, boolean managesVideos, boolean unreadOnly, Page page) {
        String where = " WHERE n.user_id = ?1" + (unreadOnly ? " AND NOT n.read" : "") + STILL_WATCHABLE;
        Query query = em.createNativeQuery("""
                SELECT n.id, n.type, n.read, n.created_at, n.updated_at,
                       v.id, v.uuid, v.short_uuid, v.name, v.state, vc.id, vca.preferred_username, vc.display_name, vca.host,
                       c.id, coalesce(c.origin_comment_id, c.id), c.held_for_review,
                       ca.id, caa.preferred_username, ca.display_name, caa.host,
                       a.id, aa.preferred_username, a.display_name, aa.host,
                       f.id, f.state, fc.id, fca.preferred_username, fc.display_name, fca.host
                  FROM kinema.user_notification n""" + VIDEO_JOINS + """
                
                  LEFT JOIN kinema.actor vca ON vca.id = vc.actor_id
                  LEFT JOIN kinema.video_comment c ON c.id = n.comment_id
                  LEFT JOIN kinema.account ca ON ca.id = c.account_id
                  LEFT JOIN kinema.actor caa ON caa.id = ca.actor_id
                  LEFT JOIN kinema.account a ON a.id = n.account_id
                  LEFT JOIN kinema.actor aa ON aa.id = a.actor_id
                  LEFT JOIN kinema.actor_follow f ON f.id = n.actor_follow_id
                  LEFT JOIN kinema.video_channel fc ON fc.actor_id = f.following_id
                  LEFT JOIN kinema.actor fca ON fca.id = fc.actor_id""" + where + orderBy(page)
                + " LIMIT ?3 OFFSET ?4");
        query.setParameter(1, userId).setParameter(2, managesVideos).setParameter(3, page.count()).setParameter(4, page.start());
        List<NotificationView> items = new ArrayList<>();
        for (Object row : query.getResultList()) {
            items.add(view((Object[]) row));
        }
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM kinema.user_notification n" + VIDEO_JOINS + where)
                .setParameter(1, userId).setParameter(2, managesVideos).getSingleResult()).longValue();
        return new PageResult<>(total, items);
    }

    private static String orderBy(Page page) {
        String sort = page.sort() == null || page.sort().isBlank() ? "-createdAt" : page.sort().trim();
        boolean descending = sort.startsWith("-");
        String column = SORTS.get(descending ? sort.substring(1) : sort);
        if (column == null) {
            throw DomainException.invalid("Unknown sort " + sort + ": notifications sort by createdAt or read"
                    + " (ascending, or descending with a leading -)");
        }
        String direction = descending ? " DESC" : " ASC";
        return " ORDER BY " + column + direction + ", n.id" + direction;
    }

    private static NotificationView view(Object[] row) {
        NotificationView.ActorRef channel = actor(row, 10);
        NotificationView.VideoRef video = row[5] == null ? null : new NotificationView.VideoRef(number(row[5]),
                (UUID) row[6], (String) row[7], (String) row[8], (int) number(row[9]), channel);
        NotificationView.CommentRef comment = row[14] == null ? null : new NotificationView.CommentRef(number(row[14]),
                number(row[15]), (Boolean) row[16], actor(row, 17));
        NotificationView.FollowRef follow = row[25] == null ? null : new NotificationView.FollowRef(number(row[25]),
                (String) row[26], actor(row, 21), actor(row, 27));
        return new NotificationView(number(row[0]), (int) number(row[1]), (Boolean) row[2], time(row[3]), time(row[4]),
                video, comment, follow == null ? actor(row, 21) : null, follow);
    }

    /** The account or channel in the four columns from {@code first}: id, name, display name, host. */
    private static NotificationView.ActorRef actor(Object[] row, int first) {
        return row[first] == null ? null : new NotificationView.ActorRef(number(row[first]), (String) row[first + 1],
                (String) row[first + 2], (String) row[first + 3]);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
