package org.kinema.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kinema.account.User;

import java.time.OffsetDateTime;
import java.util.Optional;

/** OAuth clients and tokens in PostgreSQL; tokens are found by the SHA-256 of their value, never by the value. */
@ApplicationScoped
public class TokenRepository {

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    /** The instance's own client: the first one made. */
    public OAuthClient firstClient() {
        return em.createQuery("SELECT c FROM OAuthClient c ORDER BY c.id", OAuthClient.class)
                .setMaxResults(1)
                .getSingleResult();
    }

    public Optional<OAuthClient> client(String clientId) {
        return em.createQuery("SELECT c FROM OAuthClient c WHERE c.clientId = :id", OAuthClient.class)
                .setParameter("id", clientId)
                .getResultStream()
                .findFirst();
    }

    public Optional<OAuthToken> byAccessHash(String hash) {
        return by("accessTokenHash", hash);
    }

    public Optional<OAuthToken> byRefreshHash(String hash) {
        return by("refreshTokenHash", hash);
    }

    private Optional<OAuthToken> by(String field, String hash) {
        return em.createQuery("SELECT t FROM OAuthToken t WHERE t." + field + " = :hash", OAuthToken.class)
                .setParameter("hash", hash)
                .getResultStream()
                .findFirst();
    }

    public void add(OAuthToken token) {
        em.persist(token);
    }

    public void remove(OAuthToken token) {
        em.remove(token);
    }

    public void removeAllOf(long userId) {
        em.createQuery("DELETE FROM OAuthToken t WHERE t.user.id = :user").setParameter("user", userId).executeUpdate();
    }

    /** Forgets a user's tokens that can no longer be refreshed. */
    public void removeExpiredOf(User user, OffsetDateTime now) {
        em.createQuery("DELETE FROM OAuthToken t WHERE t.user = :user AND t.refreshExpiresAt < :now")
                .setParameter("user", user).setParameter("now", now).executeUpdate();
    }
}
