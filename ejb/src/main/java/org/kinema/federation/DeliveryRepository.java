package org.kinema.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Optional;

/**
 * The delivery queue in PostgreSQL: deliveries, and the remote hosts they are queued for. Each
 * method runs in its caller's transaction; a host is worked by the node holding its lease.
 */
@ApplicationScoped
public class DeliveryRepository {

    /** How long finished deliveries stay visible to administrators. */
    private static final String KEEP_COMPLETED = "1 hour";
    private static final String KEEP_FAILED = "7 days";
    /** A delivery waiting this long (its host parked or dead all along) is given up. */
    private static final String GIVE_UP_AFTER = "48 hours";

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    /** An inbox and the remote host it is on (its queue). */
    public record Recipient(String host, String inboxUrl) {
    }

    /**
     * Queues an activity for each inbox, due now, and tells the inboxes' hosts that they have work:
     * three statements however many inboxes (a new video's followers may be thousands). Each is
     * created when it is queued, not when the transaction began (a video's publication moves its
     * files first). The hosts are locked in their order, and with the lock an UPDATE takes (which the
     * key-share locks of the deliveries' foreign keys do not block), so that two transactions
     * queueing for the same hosts never deadlock.
     */
    public void add(List<Recipient> recipients, long signerId, String activityType, String body) {
        if (recipients.isEmpty()) {
            return;
        }
        String hosts = texts(recipients.stream().map(Recipient::host).toList());
        em.createNativeQuery("""
                        INSERT INTO kinema.remote_host (host)
                        SELECT DISTINCT h FROM unnest(CAST(?1 AS text[])) AS t(h) ORDER BY h ON CONFLICT DO NOTHING""")
                .setParameter(1, hosts).executeUpdate();
        em.createNativeQuery("""
                        INSERT INTO kinema.delivery (host, inbox_url, signer_id, activity_type, body, created_at)
                        SELECT h, i, ?3, ?4, ?5, clock_timestamp()
                          FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[])) WITH ORDINALITY AS t(h, i, n)
                         ORDER BY n""")
                .setParameter(1, hosts).setParameter(2, texts(recipients.stream().map(Recipient::inboxUrl).toList()))
                .setParameter(3, signerId).setParameter(4, activityType).setParameter(5, body).executeUpdate();
        em.createNativeQuery("""
                        WITH locked AS (SELECT host FROM kinema.remote_host WHERE host = ANY (CAST(?1 AS text[]))
                                         ORDER BY host FOR NO KEY UPDATE)
                        UPDATE kinema.remote_host h
                           SET next_due_at = LEAST(coalesce(h.next_due_at, 'infinity'), GREATEST(now(), h.parked_until))
                          FROM locked WHERE h.host = locked.host""")
                .setParameter(1, hosts).executeUpdate();
    }

    /** The inboxes of the remote followers of these actors whose follows were accepted: a shared inbox once for all its actors. */
    public List<String> followerInboxes(List<Long> followedActorIds) {
        if (followedActorIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<String> inboxes = em.createNativeQuery("""
                        SELECT DISTINCT coalesce(a.shared_inbox_url, a.inbox_url)
                          FROM kinema.actor_follow f JOIN kinema.actor a ON a.id = f.follower_id
                         WHERE f.following_id = ANY (CAST(?1 AS bigint[])) AND f.state = 'accepted' AND a.host IS NOT NULL
                           AND coalesce(a.shared_inbox_url, a.inbox_url) IS NOT NULL""")
                .setParameter(1, bigints(followedActorIds))
                .getResultList();
        return inboxes;
    }

    /**
     * Takes the lease of a host with deliveries due (and not parked) that no node works, the
     * longest due first, and reads up to {@code limit} of its due deliveries with their signers'
     * keys, oldest first: one statement.
     */
    public Optional<DeliveryAttempts.Claim> claim(String node, Duration lease, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        WITH claimed AS (
                            UPDATE kinema.remote_host SET lease_owner = ?1, lease_until = now() + make_interval(secs => ?2)
                             WHERE host = (SELECT h.host FROM kinema.remote_host h
                                            WHERE h.next_due_at <= now() AND (h.lease_until IS NULL OR h.lease_until < now())
                                            ORDER BY h.next_due_at
                                            LIMIT 1 FOR UPDATE SKIP LOCKED)
                            RETURNING host)
                        SELECT c.host, d.id, d.inbox_url, d.body, d.attempts, a.url, a.private_key
                          FROM claimed c
                          LEFT JOIN LATERAL (SELECT * FROM kinema.delivery d
                                              WHERE d.host = c.host AND d.state = 'waiting' AND d.next_attempt_at <= now()
                                              ORDER BY d.id LIMIT ?3) d ON true
                          LEFT JOIN kinema.actor a ON a.id = d.signer_id
                         ORDER BY d.id""")
                .setParameter(1, node).setParameter(2, (double) lease.toSeconds()).setParameter(3, limit).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String host = (String) rows.get(0)[0];
        List<PendingDelivery> due = rows.stream().filter(row -> row[1] != null).map(row -> new PendingDelivery(
                ((Number) row[1]).longValue(), host, (String) row[2], (String) row[3], ((Number) row[4]).intValue(),
                (String) row[5], (String) row[6])).toList();
        return Optional.of(new DeliveryAttempts.Claim(host, due));
    }

    /** Keeps the lease of a host this node works; false if it lost it. */
    public boolean renew(String host, String node, Duration lease) {
        return em.createNativeQuery("UPDATE kinema.remote_host SET lease_until = now() + make_interval(secs => ?3)"
                        + " WHERE host = ?1 AND lease_owner = ?2")
                .setParameter(1, host).setParameter(2, node).setParameter(3, (double) lease.toSeconds()).executeUpdate() > 0;
    }

    /** Frees a host this node worked, due again when its next delivery is (and not before it is unparked). */
    public void release(String host, String node) {
        settle(host, node, List.of(), true);
    }

    /** A node that starts or stops frees the hosts it worked: their deliveries are taken up at once. */
    public int releaseAllOf(String node) {
        return em.createNativeQuery("UPDATE kinema.remote_host SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?1")
                .setParameter(1, node).executeUpdate();
    }

    /** The host's deliveries due now, oldest first, with their signers' keys. */
    public List<PendingDelivery> due(String host, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT d.id, d.host, d.inbox_url, d.body, d.attempts, a.url, a.private_key
                          FROM kinema.delivery d JOIN kinema.actor a ON a.id = d.signer_id
                         WHERE d.host = ?1 AND d.state = 'waiting' AND d.next_attempt_at <= now()
                         ORDER BY d.id LIMIT ?2""")
                .setParameter(1, host).setParameter(2, limit).getResultList();
        return rows.stream().map(row -> new PendingDelivery(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                (String) row[3], ((Number) row[4]).intValue(), (String) row[5], (String) row[6])).toList();
    }

    /** The last deliveries of a turn were accepted by their inboxes, and this node frees the host: one statement. */
    public void finish(String host, String node, List<Long> ids) {
        settle(host, node, ids, true);
    }

    /** These deliveries were accepted by their inboxes: done, and their host is well again. */
    public void delivered(String host, List<Long> ids) {
        if (!ids.isEmpty()) {
            settle(host, "", ids, false);
        }
    }

    /**
     * Marks the deliveries {@code ids} completed and, if there were any, their host well again;
     * with {@code release}, this node also frees the host (if it still holds it), due again when
     * its next delivery is and not before it is unparked. One statement: the deliveries' update is
     * a CTE, whose rows the host's update does not see, hence the {@code ids} left out of the next due.
     */
    private void settle(String host, String node, List<Long> ids, boolean release) {
        em.createNativeQuery("""
                        WITH done AS (
                            UPDATE kinema.delivery SET state = 'completed', attempts = attempts + 1, processed_at = now(),
                                   finished_at = now(), last_error = NULL
                             WHERE id = ANY (CAST(?3 AS bigint[])) AND state = 'waiting'
                            RETURNING id),
                        counted AS (SELECT count(*) AS n FROM done)
                        UPDATE kinema.remote_host h
                           SET failures = CASE WHEN counted.n > 0 THEN 0 ELSE h.failures END,
                               parked_until = CASE WHEN counted.n > 0 THEN NULL ELSE h.parked_until END,
                               delivered = h.delivered + counted.n,
                               last_success_at = CASE WHEN counted.n > 0 THEN now() ELSE h.last_success_at END,
                               lease_owner = CASE WHEN ?4 AND h.lease_owner = ?2 THEN NULL ELSE h.lease_owner END,
                               lease_until = CASE WHEN ?4 AND h.lease_owner = ?2 THEN NULL ELSE h.lease_until END,
                               next_due_at = CASE WHEN ?4 AND h.lease_owner = ?2
                                   THEN GREATEST((SELECT min(d.next_attempt_at) FROM kinema.delivery d
                                                   WHERE d.host = h.host AND d.state = 'waiting'
                                                     AND d.id <> ALL (CAST(?3 AS bigint[]))),
                                                 CASE WHEN counted.n > 0 THEN NULL ELSE h.parked_until END)
                                   ELSE h.next_due_at END
                          FROM counted
                         WHERE h.host = ?1""")
                .setParameter(1, host).setParameter(2, node).setParameter(3, bigints(ids)).setParameter(4, release)
                .executeUpdate();
    }

    /**
     * The delivery failed: tried again after {@code retryAfter}, or given up when that is null. A
     * host that failed is not sent anything else before then: its other due deliveries wait as
     * long (one after another, each would cost the same time-out).
     */
    public void failed(PendingDelivery delivery, String error, Duration retryAfter) {
        em.createNativeQuery("""
                        UPDATE kinema.delivery SET attempts = attempts + 1, processed_at = now(), last_error = ?2,
                               state = CASE WHEN ?3 < 0 THEN 'failed' ELSE 'waiting' END,
                               finished_at = CASE WHEN ?3 < 0 THEN now() END,
                               next_attempt_at = CASE WHEN ?3 < 0 THEN next_attempt_at ELSE now() + make_interval(secs => ?3) END
                         WHERE id = ?1 AND state = 'waiting'""")
                .setParameter(1, delivery.id()).setParameter(2, truncated(error))
                .setParameter(3, retryAfter == null ? -1.0 : (double) retryAfter.toSeconds()).executeUpdate();
        if (retryAfter != null) {
            em.createNativeQuery("""
                            UPDATE kinema.delivery SET next_attempt_at = now() + make_interval(secs => ?2)
                             WHERE host = ?1 AND state = 'waiting' AND next_attempt_at < now() + make_interval(secs => ?2)""")
                    .setParameter(1, delivery.host()).setParameter(2, (double) retryAfter.toSeconds()).executeUpdate();
        }
    }

    /** A host failed once more; returns how many times in a row it has failed now. */
    public int hostFailed(String host, String error) {
        Number failures = (Number) em.createNativeQuery("""
                        UPDATE kinema.remote_host SET failures = failures + 1, last_failure_at = now(), last_error = ?2
                         WHERE host = ?1 RETURNING failures""")
                .setParameter(1, host).setParameter(2, truncated(error)).getSingleResult();
        return failures.intValue();
    }

    public void park(String host, Duration rest) {
        em.createNativeQuery("UPDATE kinema.remote_host SET parked_until = now() + make_interval(secs => ?2) WHERE host = ?1")
                .setParameter(1, host).setParameter(2, (double) rest.toSeconds()).executeUpdate();
    }

    /** Forgets finished deliveries once they have been visible for a while, and gives up those waiting too long. */
    public void sweep() {
        em.createNativeQuery("UPDATE kinema.delivery SET state = 'failed', finished_at = now(),"
                + " last_error = coalesce(last_error, 'not sent') || ' (given up after " + GIVE_UP_AFTER + ")'"
                + " WHERE state = 'waiting' AND created_at < now() - interval '" + GIVE_UP_AFTER + "'").executeUpdate();
        em.createNativeQuery("DELETE FROM kinema.delivery WHERE state = 'completed' AND finished_at < now() - interval '"
                + KEEP_COMPLETED + "'").executeUpdate();
        em.createNativeQuery("DELETE FROM kinema.delivery WHERE state = 'failed' AND finished_at < now() - interval '"
                + KEEP_FAILED + "'").executeUpdate();
    }

    /** Whether this node may run the cluster's sweep now (one node at a time). */
    public boolean sweepLock() {
        return (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, SWEEP_LOCK)
                .getSingleResult();
    }

    private static final long SWEEP_LOCK = 0x4b44656c69766572L;

    /** A page of deliveries in one state, newest first (oldest first with sort {@code createdAt}). */
    public PageResult<DeliveryJob> list(DeliveryState state, Page page, boolean oldestFirst) {
        String where = switch (state) {
            case WAITING -> "d.state = 'waiting' AND d.next_attempt_at <= now() AND NOT " + LEASED;
            case ACTIVE -> "d.state = 'waiting' AND d.next_attempt_at <= now() AND " + LEASED;
            case DELAYED -> "d.state = 'waiting' AND d.next_attempt_at > now()";
            case COMPLETED -> "d.state = 'completed'";
            case FAILED -> "d.state = 'failed'";
        };
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM kinema.delivery d WHERE " + where)
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT d.id, d.activity_type, d.inbox_url, d.attempts, d.last_error,"
                        + " d.created_at, d.processed_at, d.finished_at FROM kinema.delivery d WHERE " + where
                        + " ORDER BY d.created_at " + (oldestFirst ? "ASC" : "DESC") + ", d.id LIMIT ?1 OFFSET ?2")
                .setParameter(1, page.count()).setParameter(2, page.start()).getResultList();
        return new PageResult<>(total, rows.stream().map(row -> new DeliveryJob(((Number) row[0]).longValue(), state,
                (String) row[1], (String) row[2], ((Number) row[3]).intValue(), (String) row[4], time(row[5]), time(row[6]),
                time(row[7]))).toList());
    }

    private static final String LEASED = "EXISTS (SELECT 1 FROM kinema.remote_host h WHERE h.host = d.host AND h.lease_until >= now())";

    /** The remote hosts deliveries were queued for, those with most waiting first. */
    public PageResult<RemoteHostState> hosts(Page page) {
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM kinema.remote_host").getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT h.host, (SELECT count(*) FROM kinema.delivery d WHERE d.host = h.host AND d.state = 'waiting') AS waiting,
                               h.delivered, h.failures, h.parked_until, h.last_success_at, h.last_failure_at, h.last_error
                          FROM kinema.remote_host h ORDER BY waiting DESC, h.host LIMIT ?1 OFFSET ?2""")
                .setParameter(1, page.count()).setParameter(2, page.start()).getResultList();
        return new PageResult<>(total, rows.stream().map(row -> new RemoteHostState((String) row[0],
                ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), ((Number) row[3]).intValue(), time(row[4]),
                time(row[5]), time(row[6]), (String) row[7])).toList());
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        return null;
    }

    private static String truncated(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    /** Strings as a PostgreSQL array literal, each quoted, for {@code CAST(? AS text[])}. */
    private static String texts(List<String> values) {
        return values.stream().map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Ids as a PostgreSQL array literal, for {@code CAST(? AS bigint[])}. */
    private static String bigints(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
