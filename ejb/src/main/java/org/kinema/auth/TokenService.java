package org.kinema.auth;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
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
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Function;

/**
 * Grants, checks and revokes tokens. Lifetimes are PeerTube's: one day for the bearer token,
 * two weeks for the refresh token.
 */
@Stateless
public class TokenService {

    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofDays(1);
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(14);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private TokenRepository tokens;

    @Inject
    private UserRepository users;

    /** The instance's own client, which PeerTube clients fetch before logging in. */
    public OAuthClient localClient() {
        return tokens.firstClient();
    }

    public IssuedToken grantPassword(String clientId, String clientSecret, String login, String password) {
        OAuthClient client = client(clientId, clientSecret);
        Optional<User> found = users.findByLogin(login == null ? "" : login);
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
        OAuthToken token = found(refreshToken, tokens::byRefreshHash)
                .filter(candidate -> candidate.refreshValidAt(now) && candidate.client().id().equals(client.id()))
                .orElseThrow(() -> invalidGrant("Invalid grant: refresh token is invalid"));
        if (token.user().blocked()) {
            throw invalidGrant("Invalid grant: user is blocked");
        }
        tokens.remove(token);
        return issue(token.user(), client);
    }

    /** Who holds this bearer token; a missing, unknown or expired token is refused. */
    public Caller authenticate(String accessToken) {
        OffsetDateTime now = now();
        OAuthToken token = found(accessToken, tokens::byAccessHash)
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
        tokens.removeAllOf(changed.userId());
    }

    /** Logs out: the bearer token and its refresh token stop working at once. */
    public void revoke(String accessToken) {
        found(accessToken, tokens::byAccessHash).ifPresent(tokens::remove);
    }

    private IssuedToken issue(User user, OAuthClient client) {
        OffsetDateTime now = now();
        tokens.removeExpiredOf(user, now);
        String accessToken = randomToken();
        String refreshToken = randomToken();
        OAuthToken token = new OAuthToken(hash(accessToken), hash(refreshToken), user, client, now);
        tokens.add(token);
        return new IssuedToken(accessToken, refreshToken,
                ACCESS_TOKEN_LIFETIME.toSeconds(), REFRESH_TOKEN_LIFETIME.toSeconds());
    }

    private OAuthClient client(String clientId, String clientSecret) {
        return tokens.client(clientId == null ? "" : clientId)
                .filter(candidate -> candidate.hasSecret(clientSecret))
                .orElseThrow(() -> new DomainException(DomainException.Kind.INVALID,
                        "Invalid client: client is invalid", "invalid_client"));
    }

    /** The token whose hash {@code byHash} finds for this value; none for no value. */
    private static Optional<OAuthToken> found(String token, Function<String, Optional<OAuthToken>> byHash) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return byHash.apply(hash(token));
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
