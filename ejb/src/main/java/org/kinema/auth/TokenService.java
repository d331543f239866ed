package org.kinema.auth;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.inject.Inject;
import org.kinema.account.Caller;
import org.kinema.account.PasswordChanged;
import org.kinema.account.User;
import org.kinema.account.UserRepository;
import org.kinema.platform.DomainException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Grants, checks and revokes tokens. Lifetimes are PeerTube's: one day for the bearer token,
 * two weeks for the refresh token.
 */
@Stateless
public class TokenService {

    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofDays(1);
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(14);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    @Inject
    private UserRepository users;

    /** The instance's own client, which PeerTube clients fetch before logging in. */
    public OAuthClient localClient() {
        return em.createQuery("SELECT c FROM OAuthClient c ORDER BY c.id", OAuthClient.class)
                .setMaxResults(1)
                .getSingleResult();
    }

    public IssuedToken grantPassword(String clientId, String clientSecret, String login, String password) {
        OAuthClient client = client(clientId, clientSecret);
        java.util.Optional<User> found = users.findByLogin(login == null ? "" : login);
        if (!User.acceptsPassword(found, password)) {
            throw invalidGrant("Invalid grant: user credentials are invalid");
        }
        User user = found.get();
        user.recordLogin();
        return issue(user, client);
    }

    public IssuedToken grantRefresh(String clientId, String clientSecret, String refreshToken) {
        OAuthClient client = client(clientId, clientSecret);
        OffsetDateTime now = now();
        OAuthToken token = findBy("refreshTokenHash", refreshToken)
                .filter(candidate -> candidate.refreshValidAt(now) && candidate.client().id().equals(client.id()))
                .orElseThrow(() -> invalidGrant("Invalid grant: refresh token is invalid"));
        if (token.user().blocked()) {
            throw invalidGrant("Invalid grant: user is blocked");
        }
        em.remove(token);
        return issue(token.user(), client);
    }

    /** Who holds this bearer token; a missing, unknown or expired token is refused. */
    public Caller authenticate(String accessToken) {
        OffsetDateTime now = now();
        OAuthToken token = findBy("accessTokenHash", accessToken)
                .filter(candidate -> candidate.accessValidAt(now))
                .orElseThrow(() -> DomainException.unauthenticated("Invalid token: access token is invalid or expired", "invalid_token"));
        User user = token.user();
        if (user.blocked()) {
            throw DomainException.unauthenticated("User is blocked", "invalid_token");
        }
        return new Caller(user.id(), user.username(), user.role());
    }

    /** A user's new password ends every session they had: all their tokens stop working at once. */
    public void revokeAll(@Observes PasswordChanged changed) {
        em.createQuery("DELETE FROM OAuthToken t WHERE t.user.id = :user").setParameter("user", changed.userId()).executeUpdate();
    }

    /** Logs out: the bearer token and its refresh token stop working at once. */
    public void revoke(String accessToken) {
        findBy("accessTokenHash", accessToken).ifPresent(em::remove);
    }

    private IssuedToken issue(User user, OAuthClient client) {
        OffsetDateTime now = now();
        em.createQuery("DELETE FROM OAuthToken t WHERE t.user = :user AND t.refreshExpiresAt < :now")
                .setParameter("user", user).setParameter("now", now).executeUpdate();
        String accessToken = randomToken();
        String refreshToken = randomToken();
        OAuthToken token = new OAuthToken(hash(accessToken), hash(refreshToken), user, client, now);
        em.persist(token);
        return new IssuedToken(accessToken, refreshToken,
                ACCESS_TOKEN_LIFETIME.toSeconds(), REFRESH_TOKEN_LIFETIME.toSeconds());
    }

    private OAuthClient client(String clientId, String clientSecret) {
        return em.createQuery("SELECT c FROM OAuthClient c WHERE c.clientId = :id", OAuthClient.class)
                .setParameter("id", clientId == null ? "" : clientId)
                .getResultStream()
                .filter(candidate -> candidate.hasSecret(clientSecret))
                .findFirst()
                .orElseThrow(() -> new DomainException(DomainException.Kind.INVALID,
                        "Invalid client: client is invalid", "invalid_client"));
    }

    private java.util.Optional<OAuthToken> findBy(String field, String token) {
        if (token == null || token.isBlank()) {
            return java.util.Optional.empty();
        }
        return em.createQuery("SELECT t FROM OAuthToken t WHERE t." + field + " = :hash", OAuthToken.class)
                .setParameter("hash", hash(token))
                .getResultStream()
                .findFirst();
    }

    private static DomainException invalidGrant(String message) {
        return new DomainException(DomainException.Kind.INVALID, message, "invalid_grant");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static String randomToken() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
