package org.kinema.actor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Questions about actors as a whole, across accounts, channels and the instance's own actor. */
@ApplicationScoped
public class ActorRepository {

    /** Serialises the creation of the instance's actor among nodes starting together. */
    private static final long APPLICATION_LOCK = 0x4b696e656d6141L;

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

    /** The actor of this instance with this name (as it was written), of any type. */
    public Optional<Actor> findLocal(String name) {
        return em.createQuery("SELECT a FROM Actor a WHERE a.host IS NULL AND a.preferredUsername = :name", Actor.class)
                .setParameter("name", name)
                .getResultStream().findFirst();
    }

    public Optional<Actor> find(long id) {
        return Optional.ofNullable(em.find(Actor.class, id));
    }

    /** The actor whose ActivityPub id is this URL, local or cached. */
    public Optional<Actor> findByUrl(String url) {
        return em.createQuery("SELECT a FROM Actor a WHERE a.url = :url", Actor.class)
                .setParameter("url", url)
                .getResultStream().findFirst();
    }

    public void add(Actor actor) {
        em.persist(actor);
        em.flush();
    }

    /**
     * The instance's Application actor, created if it is missing; nodes starting together create
     * it once. Fails if an account or channel holds its name.
     */
    public Actor application(String publicUrl) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, APPLICATION_LOCK).getSingleResult();
        Optional<Actor> existing = findLocal(ActorName.APPLICATION);
        if (existing.isPresent()) {
            if (existing.get().type() != ActorType.Application) {
                throw new IllegalStateException("A local " + existing.get().type() + " is named " + ActorName.APPLICATION
                        + ", the name of the instance's own actor: rename it before this version starts");
            }
            return existing.get();
        }
        Actor actor = Actor.application(publicUrl);
        add(actor);
        return actor;
    }

    /**
     * Gives a local actor its key pair unless it already has one (another node may have given it
     * first: then that pair stays); returns the actor as stored.
     */
    public Actor withKeys(Actor actor, String publicKey, String privateKey) {
        if (actor.publicKey() != null) {
            return actor;
        }
        em.createNativeQuery("UPDATE kinema.actor SET public_key = ?1, private_key = ?2 WHERE id = ?3 AND public_key IS NULL"
                        + " AND host IS NULL")
                .setParameter(1, publicKey).setParameter(2, privateKey).setParameter(3, actor.id()).executeUpdate();
        Actor stored = em.find(Actor.class, actor.id());
        em.refresh(stored);
        return stored;
    }
}
