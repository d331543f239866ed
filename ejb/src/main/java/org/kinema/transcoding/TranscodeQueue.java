package org.kinema.transcoding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.kinema.video.Video;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The video table seen as the transcoding queue: a video waiting for transcoding (or published
 * while its ladder is still being encoded) is claimed by one job at a time with a lease that the job renews; conditional updates make sure only the
 * lease's own job ever renews or reports.
 */
@ApplicationScoped
public class TranscodeQueue {

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    /** The oldest video waiting for transcoding whose lease is free, locked for the caller; other nodes skip it. */
    public Optional<Video> lockNextFree() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                SELECT id FROM kinema.video
                WHERE (state = 2 OR encoding) AND (lease_until IS NULL OR lease_until < now())
                ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED""").getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(em.find(Video.class, ids.get(0).longValue()));
    }

    /**
     * The batch runtime never hears of a job whose node died while it ran: its execution would stay
     * STARTED in the job repository for good. Marks the execution (and its steps) of the claim
     * ABANDONED, found by the claim's lease id among its parameters ({@code leaseId = …}).
     */
    public void abandonExecutionOf(String leaseId) {
        if (em.createNativeQuery("SELECT to_regclass('public.job_execution')::text").getSingleResult() == null) {
            return; // the job repository is made by the first job: a node died before it started one
        }
        em.createNativeQuery("""
                        WITH abandoned AS (
                            UPDATE public.job_execution
                            SET batchstatus = 'ABANDONED', exitstatus = 'Its node died; another node took the video over',
                                endtime = now(), lastupdatedtime = now()
                            WHERE batchstatus IN ('STARTING', 'STARTED', 'STOPPING') AND jobparameters LIKE ?1
                            RETURNING jobexecutionid)
                        UPDATE public.step_execution SET batchstatus = 'ABANDONED', endtime = now()
                        WHERE jobexecutionid IN (SELECT jobexecutionid FROM abandoned)
                          AND batchstatus IN ('STARTING', 'STARTED', 'STOPPING')""")
                .setParameter(1, "%leaseId = " + leaseId + "%").executeUpdate();
    }

    /** The video, locked until the transaction ends: no claim, renewal or report of another job meanwhile. */
    public Optional<Video> lock(long videoId) {
        return Optional.ofNullable(em.find(Video.class, videoId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Extends the claim's lease; false if the claim no longer holds the video. */
    public boolean renew(TranscodeClaim claim, Duration lease) {
        return em.createNativeQuery("""
                        UPDATE kinema.video SET lease_until = now() + (?3 * interval '1 millisecond')
                        WHERE id = ?1 AND lease_id = ?2 AND (state = 2 OR encoding)""")
                .setParameter(1, claim.videoId()).setParameter(2, claim.leaseId()).setParameter(3, lease.toMillis())
                .executeUpdate() == 1;
    }

    /** Records the claim's progress (0 to 99 percent); false if the claim no longer holds the video. */
    public boolean progress(TranscodeClaim claim, int percent) {
        return em.createNativeQuery("""
                        UPDATE kinema.video SET transcoding_progress = ?3
                        WHERE id = ?1 AND lease_id = ?2 AND (state = 2 OR encoding)""")
                .setParameter(1, claim.videoId()).setParameter(2, claim.leaseId())
                .setParameter(3, Math.max(0, Math.min(99, percent))).executeUpdate() == 1;
    }

    /** Lets another job take the video at once (the claim's job stops without blaming the video). */
    public void release(TranscodeClaim claim) {
        em.createNativeQuery("""
                        UPDATE kinema.video SET lease_until = NULL, lease_owner = NULL, lease_id = NULL
                        WHERE id = ?1 AND lease_id = ?2 AND (state = 2 OR encoding)""")
                .setParameter(1, claim.videoId()).setParameter(2, claim.leaseId()).executeUpdate();
    }

    /** Every lease held in a node's name (after a restart, or when it stops): free at once. */
    public int releaseAllOf(String node) {
        return em.createNativeQuery("""
                        UPDATE kinema.video SET lease_until = NULL, lease_owner = NULL, lease_id = NULL
                        WHERE lease_owner = ?1 AND (state = 2 OR encoding)""")
                .setParameter(1, node).executeUpdate();
    }

    /** Whether a job folder belongs to a claim that still holds its video, or serves a video published while encoding. */
    public boolean isLive(String leaseId) {
        return !em.createNativeQuery("""
                        SELECT 1 FROM kinema.video
                        WHERE lease_id = ?1 AND (state = 2 OR encoding) AND lease_until >= now()
                           OR encoding AND encoding_folder = ?1""")
                .setParameter(1, leaseId).getResultList().isEmpty();
    }
}
