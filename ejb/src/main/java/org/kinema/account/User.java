package org.kinema.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.kinema.platform.DomainException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * Someone who logs in to this instance: credentials, role, upload quotas and player
 * preferences. Its public face is its {@link Account}.
 */
@Entity
@Table(name = "users")
public class User {

    public static final long UNLIMITED = -1;
    public static final int EMAIL_MAX_LENGTH = 400;
    /**
     * An address as PeerTube takes one: a local part of up to 64 letters, digits and the usual
     * symbols in dot-separated atoms, and a domain name with a dot, labels of letters, digits and
     * inner hyphens, and a top-level label of at least two letters (or an IDN's {@code xn--}).
     */
    private static final String ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
    private static final Pattern EMAIL = Pattern.compile("(?=[^@]{1,64}@)" + ATOM + "(?:\\." + ATOM + ")*"
            + "@(?=[^@]{1,253}$)(?:" + LABEL + "\\.)+(?:\\p{L}{2,63}|(?i:xn--)[a-z0-9-]{1,59})");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String username;

    @Column(nullable = false)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private int role;

    @Column(name = "video_quota", nullable = false)
    private long videoQuota;

    @Column(name = "video_quota_daily", nullable = false)
    private long videoQuotaDaily;

    @Column(nullable = false)
    private boolean blocked;

    @Column(name = "blocked_reason")
    private String blockedReason;

    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;

    @Column(name = "nsfw_policy", nullable = false)
    private String nsfwPolicy;

    @Column(name = "p2p_enabled", nullable = false)
    private boolean p2pEnabled;

    @Column(name = "auto_play_video", nullable = false)
    private boolean autoPlayVideo;

    @Column(name = "videos_history_enabled", nullable = false)
    private boolean videosHistoryEnabled;

    @Column(name = "last_login_date")
    private OffsetDateTime lastLoginDate;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "feed_token")
    private String feedToken;

    protected User() {
    }

    public User(String username, String email, String password, UserRole role, long videoQuota, long videoQuotaDaily) {
        this.username = org.kinema.actor.ActorName.username(username);
        this.email = checkedEmail(email);
        this.passwordHash = PasswordHasher.hash(password);
        this.role = role.id();
        this.videoQuota = checkedQuota(videoQuota);
        this.videoQuotaDaily = checkedQuota(videoQuotaDaily);
        this.nsfwPolicy = "blur";
        this.p2pEnabled = true;
        this.autoPlayVideo = true;
        this.videosHistoryEnabled = true;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Checks a login attempt; a blocked user cannot log in (and costs the same to refuse). */
    public boolean acceptsPassword(String password) {
        return PasswordHasher.matches(password, passwordHash) && !blocked;
    }

    /**
     * Checks a login attempt of someone who may not exist: an unknown login runs the same hash as
     * a wrong password, so that timing tells nobody which users exist.
     */
    public static boolean acceptsPassword(java.util.Optional<User> user, String password) {
        return user.map(known -> known.acceptsPassword(password)).orElseGet(() -> PasswordHasher.matches(password, null));
    }

    /** The token that opens this user's subscription feed, drawn when first asked for. */
    public String feedToken() {
        if (feedToken == null) {
            renewFeedToken();
        }
        return feedToken;
    }

    /** A new feed token; the old one opens nothing any more. */
    public void renewFeedToken() {
        feedToken = java.util.UUID.randomUUID().toString();
    }

    public boolean opensFeedWith(String token) {
        return feedToken != null && token != null && java.security.MessageDigest.isEqual(
                feedToken.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public void recordLogin() {
        lastLoginDate = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void changePassword(String password) {
        passwordHash = PasswordHasher.hash(password);
    }

    public void changeEmail(String newEmail) {
        email = checkedEmail(newEmail);
    }

    public void markEmailVerified(boolean verified) {
        emailVerified = verified;
    }

    public void assignRole(UserRole newRole) {
        role = newRole.id();
    }

    public void setQuotas(Long quota, Long quotaDaily) {
        if (quota != null) {
            videoQuota = checkedQuota(quota);
        }
        if (quotaDaily != null) {
            videoQuotaDaily = checkedQuota(quotaDaily);
        }
    }

    public void choosePlayerPreferences(Boolean p2p, Boolean autoPlay, String nsfw) {
        if (p2p != null) {
            p2pEnabled = p2p;
        }
        if (autoPlay != null) {
            autoPlayVideo = autoPlay;
        }
        if (nsfw != null) {
            if (!nsfw.equals("display") && !nsfw.equals("blur") && !nsfw.equals("do_not_list")) {
                throw DomainException.invalid("nsfwPolicy must be display, blur or do_not_list");
            }
            nsfwPolicy = nsfw;
        }
    }

    /** Whether the user keeps a history of the videos they watch, and where they stopped in each. */
    public void keepVideosHistory(Boolean enabled) {
        if (enabled != null) {
            videosHistoryEnabled = enabled;
        }
    }

    public boolean isRoot() {
        return "root".equals(username);
    }

    private static String checkedEmail(String email) {
        if (!isEmail(email)) {
            throw DomainException.invalid("A valid email address is required");
        }
        return email;
    }

    static boolean isEmail(String email) {
        return email != null && email.length() <= EMAIL_MAX_LENGTH && EMAIL.matcher(email).matches();
    }

    private static long checkedQuota(long quota) {
        if (quota < UNLIMITED) {
            throw DomainException.invalid("A video quota is a number of bytes, or -1 for no limit");
        }
        return quota;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }

    public UserRole role() {
        return UserRole.of(role);
    }

    public long videoQuota() {
        return videoQuota;
    }

    public long videoQuotaDaily() {
        return videoQuotaDaily;
    }

    public boolean blocked() {
        return blocked;
    }

    public String blockedReason() {
        return blockedReason;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    public String nsfwPolicy() {
        return nsfwPolicy;
    }

    public boolean p2pEnabled() {
        return p2pEnabled;
    }

    public boolean autoPlayVideo() {
        return autoPlayVideo;
    }

    public boolean videosHistoryEnabled() {
        return videosHistoryEnabled;
    }

    public OffsetDateTime lastLoginDate() {
        return lastLoginDate;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
