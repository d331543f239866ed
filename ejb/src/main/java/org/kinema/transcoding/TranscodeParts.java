package org.kinema.transcoding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kinema.media.Part;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The parts of split transcodings as a queue: a part waiting for its encode is claimed by one job
 * at a time with a lease of its own, and only while the video's lease that made it still holds;
 * conditional updates make sure only the claim's own job renews, reports or finishes it.
 */
@ApplicationScoped
public class TranscodeParts {

    /** A part that is waiting, free, and whose video is still held by the lease that made it. */
    private static final String WAITING = """
            p.output IS NULL AND p.failure IS NULL AND (p.lease_until IS NULL OR p.lease_until < now())
            AND EXISTS (SELECT 1 FROM kinema.video v WHERE v.id = p.video_id AND v.lease_id = p.video_lease_id
                        AND (v.state = 2 OR v.encoding) AND v.lease_until >= now())""";
    /** The claim's part, as long as the video's lease that made it holds. */
    private static final String HELD = """
            video_id = ?1 AND part = ?2 AND lease_id = ?3 AND output IS NULL AND failure IS NULL
            AND EXISTS (SELECT 1 FROM kinema.video v WHERE v.id = transcode_part.video_id
                        AND v.lease_id = transcode_part.video_lease_id AND (v.state = 2 OR v.encoding))""";

    /** A claimed part, and the lease of the job that held it before, if it ran out (that job's node died). */
    public record Claimed(PartClaim claim, String lapsedLeaseId) {
    }

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    /** The video's parts under its lease {@code videoLeaseId}, replacing those of any older lease. */
    public void replace(long videoId, String videoLeaseId, List<Part> parts) {
        forget(videoId);
        for (Part part : parts) {
            em.createNativeQuery("""
                            INSERT INTO kinema.transcode_part (video_id, part, video_lease_id, start_seconds, seconds, last)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, videoId).setParameter(2, part.index()).setParameter(3, videoLeaseId)
                    .setParameter(4, part.start()).setParameter(5, part.seconds()).setParameter(6, part.last())
                    .executeUpdate();
        }
    }

    /** The video's parts are of no more use (published, failed, or taken over). */
    public void forget(long videoId) {
        em.createNativeQuery("DELETE FROM kinema.transcode_part WHERE video_id = ?1").setParameter(1, videoId)
                .executeUpdate();
    }

    /** Leases the first waiting part of the video under its lease {@code videoLeaseId}; other jobs skip it. */
    public Optional<Claimed> claim(long videoId, String videoLeaseId, String node, String leaseId, Duration lease) {
        return claimWhere("p.video_id = ?4 AND p.video_lease_id = ?5 AND " + WAITING, node, leaseId, lease,
                videoId, videoLeaseId);
    }

    /** Leases the first waiting part of any video (the oldest video first); other jobs skip it. */
    public Optional<Claimed> claimAny(String node, String leaseId, Duration lease) {
        return claimWhere(WAITING, node, leaseId, lease);
    }

    private Optional<Claimed> claimWhere(String condition, String node, String leaseId, Duration lease,
                                           Object... more) {
        var query = em.createNativeQuery("""
                WITH next AS (SELECT p.video_id, p.part, p.lease_id AS lapsed FROM kinema.transcode_part p WHERE %s
                               ORDER BY p.video_id, p.part LIMIT 1 FOR UPDATE SKIP LOCKED)
                UPDATE kinema.transcode_part t SET lease_owner = ?1, lease_id = ?2,
                       lease_until = now() + (?3 * interval '1 millisecond'), progress = 0
                  FROM next WHERE t.video_id = next.video_id AND t.part = next.part
                RETURNING t.video_id, t.video_lease_id, t.part, t.start_seconds, t.seconds, t.last, next.lapsed"""
                .formatted(condition))
                .setParameter(1, node).setParameter(2, leaseId).setParameter(3, lease.toMillis());
        for (int i = 0; i < more.length; i++) {
            query.setParameter(4 + i, more[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().findFirst().map(row -> new Claimed(new PartClaim(((Number) row[0]).longValue(),
                ((String) row[1]).trim(), leaseId, new Part(((Number) row[2]).intValue(), ((Number) row[3]).intValue(),
                ((Number) row[4]).intValue(), (Boolean) row[5])), row[6] == null ? null : ((String) row[6]).trim()));
    }

    /** Extends the claim's lease; false once the part or its video's lease is no longer the claim's. */
    public boolean renew(PartClaim claim, Duration lease) {
        return update("lease_until = now() + (?4 * interval '1 millisecond')", claim, lease.toMillis());
    }

    /** Records the claim's progress in percent of its part; false if the claim no longer holds the part. */
    public boolean progress(PartClaim claim, int percent) {
        return update("progress = ?4", claim, Math.max(0, Math.min(99, percent)));
    }

    /** The part is encoded into {@code output}; false (nothing recorded) if the claim no longer holds it. */
    public boolean finish(PartClaim claim, String output, String node) {
        return update("progress = 100, output = ?4, encoded_by = ?5, lease_until = NULL", claim, output, node);
    }

    /** The part cannot be encoded: the video's job fails with the reason. */
    public void fail(PartClaim claim, String reason) {
        update("failure = ?4, lease_until = NULL", claim, reason);
    }

    /** Lets another job take the part at once. */
    public void release(PartClaim claim) {
        update("lease_until = NULL, lease_owner = NULL, lease_id = NULL", claim);
    }

    /** Every part lease held in a node's name (after a restart, or when it stops): free at once. */
    public int releaseAllOf(String node) {
        return em.createNativeQuery("""
                        UPDATE kinema.transcode_part SET lease_until = NULL, lease_owner = NULL, lease_id = NULL
                         WHERE lease_owner = ?1 AND output IS NULL AND failure IS NULL""")
                .setParameter(1, node).executeUpdate();
    }

    /** The parts the video's lease {@code videoLeaseId} made, in order. */
    public List<PartState> of(long videoId, String videoLeaseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT part, start_seconds, seconds, last, progress, output, encoded_by, failure
                          FROM kinema.transcode_part WHERE video_id = ?1 AND video_lease_id = ?2 ORDER BY part""")
                .setParameter(1, videoId).setParameter(2, videoLeaseId).getResultList();
        return rows.stream().map(row -> new PartState(new Part(((Number) row[0]).intValue(), ((Number) row[1]).intValue(),
                        ((Number) row[2]).intValue(), (Boolean) row[3]), ((Number) row[4]).intValue(), (String) row[5],
                (String) row[6], (String) row[7])).toList();
    }

    private boolean update(String assignments, PartClaim claim, Object... values) {
        var query = em.createNativeQuery("UPDATE kinema.transcode_part SET " + assignments + " WHERE " + HELD)
                .setParameter(1, claim.videoId()).setParameter(2, claim.part().index()).setParameter(3, claim.leaseId());
        for (int i = 0; i < values.length; i++) {
            query.setParameter(4 + i, values[i]);
        }
        return query.executeUpdate() == 1;
    }
}
