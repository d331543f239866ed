package org.kinema.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.video.ListedVideos;
import org.kinema.video.VideoFetch;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Users' histories: one row per user and video watched. */
@ApplicationScoped
public class HistoryRepository {

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    /** The user is at this second of the video, now. */
    public void record(long userId, long videoId, int seconds) {
        em.createNativeQuery("""
                INSERT INTO kinema.user_video_history (user_id, video_id, position_seconds, updated_at) VALUES (?1, ?2, ?3, now())
                ON CONFLICT (user_id, video_id) DO UPDATE SET position_seconds = EXCLUDED.position_seconds,
                    updated_at = EXCLUDED.updated_at""")
                .setParameter(1, userId).setParameter(2, videoId).setParameter(3, seconds).executeUpdate();
    }

    /** Where the user stopped in the video, if it is in their history. */
    public Optional<Integer> positionOf(long userId, long videoId) {
        return em.createQuery("SELECT w.positionSeconds FROM WatchedVideo w WHERE w.userId = :user AND w.video.id = :video",
                        Integer.class)
                .setParameter("user", userId).setParameter("video", videoId).getResultStream().findFirst();
    }

    /** A page of the user's history, last watched first, of videos whose name holds {@code search} (when given). */
    public PageResult<WatchedVideo> page(long userId, String search, ListedVideos listed, Page page) {
        String where = " WHERE w.userId = :user AND " + listed.condition("v")
                + (search == null ? "" : " AND LOWER(v.name) LIKE :search ESCAPE '\\'");
        TypedQuery<WatchedVideo> query = VideoFetch.withOwners(em.createQuery(
                "SELECT w FROM WatchedVideo w JOIN w.video v" + where + " ORDER BY w.updatedAt DESC, w.id DESC",
                WatchedVideo.class), "w.video");
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(w) FROM WatchedVideo w JOIN w.video v" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            q.setParameter("user", userId);
            if (search != null) {
                q.setParameter("search", "%" + search.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            listed.bind(q);
        }
        return new PageResult<>(count.getSingleResult(),
                query.setFirstResult(page.start()).setMaxResults(page.count()).getResultList());
    }

    public void remove(long userId, long videoId) {
        em.createQuery("DELETE FROM WatchedVideo w WHERE w.userId = :user AND w.video.id = :video")
                .setParameter("user", userId).setParameter("video", videoId).executeUpdate();
    }

    /** Forgets what the user watched before a moment, or everything when it is null. */
    public void removeBefore(long userId, OffsetDateTime before) {
        var delete = em.createQuery("DELETE FROM WatchedVideo w WHERE w.userId = :user"
                + (before == null ? "" : " AND w.updatedAt < :before")).setParameter("user", userId);
        if (before != null) {
            delete.setParameter("before", before);
        }
        delete.executeUpdate();
    }
}
