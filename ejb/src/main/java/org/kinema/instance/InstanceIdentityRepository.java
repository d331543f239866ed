package org.kinema.instance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The {@code instance_identity} row: what the instance is known as. */
@ApplicationScoped
public class InstanceIdentityRepository {

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    /** The stored public URL; {@code candidate} becomes it if none is stored yet (first writer wins). */
    public String publicUrl(String candidate) {
        em.createNativeQuery("INSERT INTO kinema.instance_identity (public_url) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, candidate).executeUpdate();
        return (String) em.createNativeQuery("SELECT public_url FROM kinema.instance_identity").getSingleResult();
    }
}
