package org.kinema.instance;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The {@code instance_secret} table. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SecretRepository {

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    /** The key kept for a purpose; {@code candidate} becomes it if there is none yet (first writer wins). */
    public byte[] keyOf(String purpose, byte[] candidate) {
        em.createNativeQuery("INSERT INTO kinema.instance_secret (purpose, secret, created_at) VALUES (?1, ?2, now())"
                        + " ON CONFLICT (purpose) DO NOTHING")
                .setParameter(1, purpose).setParameter(2, candidate).executeUpdate();
        return (byte[]) em.createNativeQuery("SELECT secret FROM kinema.instance_secret WHERE purpose = ?1")
                .setParameter(1, purpose).getSingleResult();
    }
}
