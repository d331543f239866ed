package org.kinema.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The {@code inbox_activity} table: accepted activities waiting to be processed. */
@ApplicationScoped
public class InboxActivityRepository {

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    public void add(ReceivedActivity activity) {
        em.createNativeQuery("INSERT INTO kinema.inbox_activity (activity_id, type, actor_url, signer_url, inbox, body)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb))")
                .setParameter(1, activity.activityId())
                .setParameter(2, activity.type())
                .setParameter(3, activity.actorUrl())
                .setParameter(4, activity.signerUrl())
                .setParameter(5, activity.inbox())
                .setParameter(6, activity.body())
                .executeUpdate();
    }

    /**
     * Takes the oldest activity due, skipping those another worker holds, and pushes its next
     * attempt past the lease: a worker that dies leaves it to be taken again then.
     */
    public Optional<ClaimedActivity> claim(Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        UPDATE kinema.inbox_activity SET attempts = attempts + 1,
                               next_attempt_at = now() + make_interval(secs => ?1)
                         WHERE id = (SELECT id FROM kinema.inbox_activity
                                      WHERE processed_at IS NULL AND next_attempt_at <= now()
                                      ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id, type, actor_url, CAST(body AS text), attempts""")
                .setParameter(1, (double) lease.toSeconds()).getResultList();
        return rows.stream().findFirst().map(row -> new ClaimedActivity(((Number) row[0]).longValue(), (String) row[1],
                (String) row[2], (String) row[3], ((Number) row[4]).intValue()));
    }

    public void processed(long id) {
        em.createNativeQuery("UPDATE kinema.inbox_activity SET processed_at = now(), last_error = NULL WHERE id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    /** Keeps why processing failed: tried again after {@code retryIn}, or, when null, given up (kept with its error). */
    public void failed(long id, String error, Duration retryIn) {
        String reason = error == null ? "failed" : error.length() > 1000 ? error.substring(0, 1000) : error;
        em.createNativeQuery("""
                        UPDATE kinema.inbox_activity SET last_error = ?2,
                               next_attempt_at = CASE WHEN ?3 < 0 THEN next_attempt_at ELSE now() + make_interval(secs => ?3) END,
                               processed_at = CASE WHEN ?3 < 0 THEN now() END
                         WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, reason)
                .setParameter(3, retryIn == null ? -1.0 : (double) retryIn.toSeconds()).executeUpdate();
    }
}
