package org.kinema.video;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;

/**
 * Views in PostgreSQL: who viewed a video lately (a keyed hash, until their window closes) and
 * the counted views not yet added to their videos.
 */
@ApplicationScoped
public class ViewRepository {

    /** The advisory lock that lets one node at a time, cluster-wide, fold views into videos. */
    private static final long FOLDING = 0x6b696e656d61L; // "kinema"

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    /**
     * Records that {@code viewer} viewed the video; the view counts, and waits to be folded in,
     * unless the same viewer viewed it within the window. Returns whether it counted.
     */
    public boolean record(long videoId, String viewer, Duration window) {
        return em.createNativeQuery("""
                WITH counted AS (
                    INSERT INTO kinema.video_view (video_id, viewer, expires_at)
                    VALUES (?1, ?2, now() + (?3 * interval '1 second'))
                    ON CONFLICT (video_id, viewer) DO UPDATE SET expires_at = EXCLUDED.expires_at
                        WHERE kinema.video_view.expires_at < now()
                    RETURNING video_id)
                INSERT INTO kinema.video_view_pending (video_id) SELECT video_id FROM counted""")
                .setParameter(1, videoId)
                .setParameter(2, viewer)
                .setParameter(3, window.toSeconds())
                .executeUpdate() > 0;
    }

    /**
     * Adds up to {@code most} waiting views to their videos' counts, one update per video, unless
     * another node is doing so right now; returns the views folded in. Commit to release the lock.
     */
    public int fold(int most) {
        if (!(Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, FOLDING).getSingleResult()) {
            return 0;
        }
        Object folded = em.createNativeQuery("""
                WITH taken AS (
                    DELETE FROM kinema.video_view_pending
                    WHERE id IN (SELECT id FROM kinema.video_view_pending ORDER BY id LIMIT ?1)
                    RETURNING video_id),
                per_video AS (SELECT video_id, count(*) AS views FROM taken GROUP BY video_id),
                added AS (
                    UPDATE kinema.video v SET views = v.views + per_video.views FROM per_video
                    WHERE v.id = per_video.video_id)
                SELECT count(*) FROM taken""").setParameter(1, most).getSingleResult();
        return ((Number) folded).intValue();
    }

    /** Forgets viewers whose window has closed. */
    public void forgetClosedWindows() {
        em.createNativeQuery("DELETE FROM kinema.video_view WHERE expires_at < now()").executeUpdate();
    }
}
