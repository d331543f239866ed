package org.kinema.video;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.util.List;

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
     * Records that {@code viewer} viewed the video {@code times} times (one, but for the views another
     * instance sends in bulk); they count, and wait to be folded in, unless the same viewer viewed
     * it within the window. Returns whether they counted.
     */
    public boolean record(long videoId, String viewer, Duration window, int times) {
        return em.createNativeQuery("""
                WITH counted AS (
                    INSERT INTO kinema.video_view (video_id, viewer, expires_at)
                    VALUES (?1, ?2, now() + (?3 * interval '1 second'))
                    ON CONFLICT (video_id, viewer) DO UPDATE SET expires_at = EXCLUDED.expires_at
                        WHERE kinema.video_view.expires_at < now()
                    RETURNING video_id)
                INSERT INTO kinema.video_view_pending (video_id, views) SELECT video_id, ?4 FROM counted""")
                .setParameter(1, videoId)
                .setParameter(2, viewer)
                .setParameter(3, window.toSeconds())
                .setParameter(4, times)
                .executeUpdate() > 0;
    }

    /**
     * Adds up to {@code most} waiting views to their videos' counts, one update per video, unless
     * another node is doing so right now; the views of other instances' videos are also summed up
     * for their origin ({@link #takeOutbound()}). Returns the rows folded in. Commit to release the lock.
     */
    public int fold(int most) {
        if (!(Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, FOLDING).getSingleResult()) {
            return 0;
        }
        Object folded = em.createNativeQuery("""
                WITH taken AS (
                    DELETE FROM kinema.video_view_pending
                    WHERE id IN (SELECT id FROM kinema.video_view_pending ORDER BY id LIMIT ?1)
                    RETURNING video_id, views),
                per_video AS (SELECT video_id, sum(views) AS views FROM taken GROUP BY video_id),
                added AS (
                    UPDATE kinema.video v SET views = v.views + per_video.views FROM per_video
                    WHERE v.id = per_video.video_id
                    RETURNING v.id, v.url, per_video.views),
                outbound AS (
                    INSERT INTO kinema.video_view_outbound (video_id, views)
                    SELECT id, views FROM added WHERE url IS NOT NULL
                    ON CONFLICT (video_id) DO UPDATE SET views = kinema.video_view_outbound.views + EXCLUDED.views)
                SELECT count(*) FROM taken""").setParameter(1, most).getSingleResult();
        return ((Number) folded).intValue();
    }

    /**
     * Takes the views of other instances' videos summed up since the last time, for their origins;
     * each sum is taken by one node only. Commit with the activities that carry them.
     */
    public List<ViewsOfVideo> takeOutbound() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "DELETE FROM kinema.video_view_outbound RETURNING video_id, views").getResultList();
        return rows.stream().map(row -> new ViewsOfVideo(((Number) row[0]).longValue(), ((Number) row[1]).longValue())).toList();
    }

    /** Forgets viewers whose window has closed. */
    public void forgetClosedWindows() {
        em.createNativeQuery("DELETE FROM kinema.video_view WHERE expires_at < now()").executeUpdate();
    }
}
