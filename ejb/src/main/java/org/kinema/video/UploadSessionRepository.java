package org.kinema.video;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.OffsetDateTime;
import java.util.Optional;

/** Resumable uploads in progress. Removing one queues its file for the janitor (a trigger does). */
@ApplicationScoped
public class UploadSessionRepository {

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    public void add(UploadSession session) {
        em.persist(session);
    }

    public Optional<UploadSession> find(String id) {
        return Optional.ofNullable(em.find(UploadSession.class, id));
    }

    public void remove(UploadSession session) {
        em.remove(session);
    }

    public boolean exists(String id) {
        return em.find(UploadSession.class, id) != null;
    }

    /** Bytes the user's open uploads announced: they count against the quota before they are complete. */
    public long announcedBytesOf(long userId) {
        Long sum = em.createQuery("SELECT SUM(s.fileSize) FROM UploadSession s WHERE s.userId = :user", Long.class)
                .setParameter("user", userId).getSingleResult();
        return sum == null ? 0 : sum;
    }

    /** Forgets uploads begun before {@code before} and never completed; returns how many. */
    public int removeStartedBefore(OffsetDateTime before) {
        return em.createQuery("DELETE FROM UploadSession s WHERE s.createdAt < :before")
                .setParameter("before", before).executeUpdate();
    }
}
