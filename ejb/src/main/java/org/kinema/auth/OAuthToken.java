package org.kinema.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.kinema.account.User;

import java.time.OffsetDateTime;

/**
 * A pair of bearer and refresh tokens given to a user through a client. Only the tokens'
 * SHA-256 hashes are kept: a copy of the database gives nobody a session.
 */
@Entity
@Table(name = "oauth_token")
public class OAuthToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "access_token_hash", nullable = false)
    private String accessTokenHash;

    @Column(name = "refresh_token_hash", nullable = false)
    private String refreshTokenHash;

    @Column(name = "access_expires_at", nullable = false)
    private OffsetDateTime accessExpiresAt;

    @Column(name = "refresh_expires_at", nullable = false)
    private OffsetDateTime refreshExpiresAt;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private User user;

    @ManyToOne(optional = false)
    @JoinColumn(name = "client_id", nullable = false)
    private OAuthClient client;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected OAuthToken() {
    }

    OAuthToken(String accessTokenHash, String refreshTokenHash, User user, OAuthClient client, OffsetDateTime now) {
        this.accessTokenHash = accessTokenHash;
        this.refreshTokenHash = refreshTokenHash;
        this.user = user;
        this.client = client;
        this.createdAt = now;
        this.accessExpiresAt = now.plus(TokenService.ACCESS_TOKEN_LIFETIME);
        this.refreshExpiresAt = now.plus(TokenService.REFRESH_TOKEN_LIFETIME);
    }

    public boolean accessValidAt(OffsetDateTime now) {
        return now.isBefore(accessExpiresAt);
    }

    public boolean refreshValidAt(OffsetDateTime now) {
        return now.isBefore(refreshExpiresAt);
    }

    public User user() {
        return user;
    }

    public OAuthClient client() {
        return client;
    }

    public OffsetDateTime accessExpiresAt() {
        return accessExpiresAt;
    }

    public OffsetDateTime refreshExpiresAt() {
        return refreshExpiresAt;
    }
}
