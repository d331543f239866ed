package org.kinema.actor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Questions about actors as a whole, across accounts and channels. */
@ApplicationScoped
public class ActorRepository {

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    /** True if an account or channel of this instance already has this name (case-insensitive). */
    public boolean localNameTaken(String name) {
        return !em.createQuery("SELECT a.id FROM Actor a WHERE a.host IS NULL AND LOWER(a.preferredUsername) = :name")
                .setParameter("name", name.toLowerCase())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
