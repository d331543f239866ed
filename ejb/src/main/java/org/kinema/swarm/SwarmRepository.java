package org.kinema.swarm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/** The {@code tracker_swarm} table: which video each served info hash belongs to. */
@ApplicationScoped
public class SwarmRepository {

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    /** The video whose swarm this is, if this instance serves it. */
    public OptionalLong videoOf(String infoHashHex) {
        List<?> rows = em.createNativeQuery("SELECT video_id FROM kinema.tracker_swarm WHERE info_hash = ?1")
                .setParameter(1, infoHashHex).getResultList();
        return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) rows.get(0)).longValue());
    }

    /** Makes {@code infoHashes} the video's swarms, in the caller's transaction. */
    public void replace(long videoId, Collection<String> infoHashes) {
        em.createNativeQuery("DELETE FROM kinema.tracker_swarm WHERE video_id = ?1").setParameter(1, videoId)
                .executeUpdate();
        for (String hash : infoHashes.stream().distinct().toList()) {
            // a hash that another video already holds stays that video's (two videos never share a torrent)
            em.createNativeQuery("INSERT INTO kinema.tracker_swarm (info_hash, video_id) VALUES (?1, ?2)"
                            + " ON CONFLICT (info_hash) DO NOTHING")
                    .setParameter(1, hash).setParameter(2, videoId).executeUpdate();
        }
    }
}
