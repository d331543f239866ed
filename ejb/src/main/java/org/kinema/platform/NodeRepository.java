package org.kinema.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code node} table: which nodes use this database, each seen within the last moments. Each
 * call commits (a CDI transaction: a failure while the database stops is the caller's to judge,
 * not logged as an error by an EJB container).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class NodeRepository {

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    /**
     * Takes the name for this installation unless another installation seen within {@code alive}
     * holds it; true if taken.
     */
    public boolean claim(String name, String installId, Duration alive) {
        return em.createNativeQuery("""
                        INSERT INTO kinema.node (name, install_id, started_at, seen_at) VALUES (?1, ?2, now(), now())
                        ON CONFLICT (name) DO UPDATE SET install_id = EXCLUDED.install_id, started_at = now(), seen_at = now()
                            WHERE kinema.node.install_id = EXCLUDED.install_id
                               OR kinema.node.seen_at < now() - (?3 * interval '1 millisecond')""")
                .setParameter(1, name).setParameter(2, installId).setParameter(3, alive.toMillis())
                .executeUpdate() == 1;
    }

    /** Names of the other nodes seen within {@code alive}. */
    @SuppressWarnings("unchecked")
    public List<String> othersAlive(String name, Duration alive) {
        return em.createNativeQuery("SELECT name FROM kinema.node WHERE name <> ?1"
                        + " AND seen_at >= now() - (?2 * interval '1 millisecond') ORDER BY name")
                .setParameter(1, name).setParameter(2, alive.toMillis()).getResultList();
    }

    /** Renews this installation's row; false if another installation has taken the name meanwhile. */
    public boolean seen(String name, String installId) {
        return em.createNativeQuery("UPDATE kinema.node SET seen_at = now() WHERE name = ?1 AND install_id = ?2")
                .setParameter(1, name).setParameter(2, installId).executeUpdate() == 1;
    }

    /** Records the cluster-wide settings this node runs with ({@code NAME=value} lines). */
    public void recordSettings(String name, String settings) {
        em.createNativeQuery("UPDATE kinema.node SET settings = ?2 WHERE name = ?1")
                .setParameter(1, name).setParameter(2, settings).executeUpdate();
    }

    /** The cluster-wide settings of the other nodes seen within {@code alive}, by node name. */
    public Map<String, String> settingsOfOthers(String name, Duration alive) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT name, settings FROM kinema.node WHERE name <> ?1"
                        + " AND settings IS NOT NULL AND seen_at >= now() - (?2 * interval '1 millisecond') ORDER BY name")
                .setParameter(1, name).setParameter(2, alive.toMillis()).getResultList();
        Map<String, String> settings = new LinkedHashMap<>();
        for (Object[] row : rows) {
            settings.put((String) row[0], (String) row[1]);
        }
        return settings;
    }

    public void remove(String name, String installId) {
        em.createNativeQuery("DELETE FROM kinema.node WHERE name = ?1 AND install_id = ?2")
                .setParameter(1, name).setParameter(2, installId).executeUpdate();
    }
}
