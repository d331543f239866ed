package org.kinema.janitor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kinema.media.MediaKind;

import java.time.Duration;
import java.util.List;

/** The {@code media_deletion} table and the janitor's cluster-wide lock. */
@ApplicationScoped
public class JanitorRepository {

    /** The advisory lock that makes one janitor of the cluster work at a time. */
    private static final long LOCK = 0x4b696e6a616eL;

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    /** True if this transaction got the janitor's lock (held until it ends); false if another node works. */
    public boolean lock() {
        return (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK).getSingleResult();
    }

    /**
     * The oldest deletions waiting, locked for this transaction. Streams a new transcoding replaced
     * wait {@code replacedStreamsGrace} first: players that loaded them finish what they fetch and
     * reload their playlists, which then name the new streams.
     */
    @SuppressWarnings("unchecked")
    public List<Deletion> waitingDeletions(int limit, Duration replacedStreamsGrace) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, kind, name FROM kinema.media_deletion
                        WHERE kind <> 'HLS_PREFIX' OR created_at < now() - (?2 * interval '1 millisecond')
                        ORDER BY id LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, limit).setParameter(2, replacedStreamsGrace.toMillis()).getResultList();
        return rows.stream().map(row -> new Deletion(((Number) row[0]).longValue(), MediaKind.valueOf((String) row[1]),
                (String) row[2])).toList();
    }

    public void done(List<Deletion> deletions) {
        if (!deletions.isEmpty()) {
            em.createNativeQuery("DELETE FROM kinema.media_deletion WHERE id = ANY(?1)")
                    .setParameter(1, deletions.stream().map(Deletion::id).toArray(Long[]::new)).executeUpdate();
        }
    }

    public boolean uploadSessionExists(String id) {
        return !em.createNativeQuery("SELECT 1 FROM kinema.upload_session WHERE id = ?1").setParameter(1, id)
                .getResultList().isEmpty();
    }

    /** A file to delete, as recorded. */
    public record Deletion(long id, MediaKind kind, String name) {
    }
}
