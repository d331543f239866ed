package org.kinema.instance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.kinema.platform.DomainException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** What an administrator decides for the whole instance. There is exactly one. */
@Entity
@Table(name = "instance_settings")
public class InstanceSettings {

    static final short THE_ONLY_ID = 1;

    @Id
    private short id;

    @Column(nullable = false)
    private String name;

    @Column(name = "short_description", nullable = false)
    private String shortDescription;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String terms;

    @Column(name = "signup_enabled", nullable = false)
    private boolean signupEnabled;

    @Column(name = "signup_limit", nullable = false)
    private int signupLimit;

    @Column(name = "signup_requires_email_verification", nullable = false)
    private boolean signupRequiresEmailVerification;

    @Column(name = "default_video_quota", nullable = false)
    private long defaultVideoQuota;

    @Column(name = "default_video_quota_daily", nullable = false)
    private long defaultVideoQuotaDaily;

    @Column(name = "p2p_enabled", nullable = false)
    private boolean p2pEnabled;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected InstanceSettings() {
    }

    public void describe(String newName, String newShortDescription, String newDescription, String newTerms) {
        if (newName != null) {
            if (newName.isBlank() || newName.length() > 120) {
                throw DomainException.invalid("Instance name must be 1 to 120 characters");
            }
            name = newName;
        }
        if (newShortDescription != null) {
            if (newShortDescription.length() > 250) {
                throw DomainException.invalid("Short description must be at most 250 characters");
            }
            shortDescription = newShortDescription;
        }
        if (newDescription != null) {
            description = newDescription;
        }
        if (newTerms != null) {
            terms = newTerms;
        }
        touch();
    }

    /** Opens or closes registrations; a limit of -1 means no limit on the number of users. */
    public void setSignup(Boolean enabled, Integer limit, Boolean requiresEmailVerification) {
        if (enabled != null) {
            signupEnabled = enabled;
        }
        if (limit != null) {
            if (limit < -1) {
                throw DomainException.invalid("signup.limit is a number of users, or -1 for no limit");
            }
            signupLimit = limit;
        }
        if (requiresEmailVerification != null) {
            signupRequiresEmailVerification = requiresEmailVerification;
        }
        touch();
    }

    public void setDefaultQuotas(Long quota, Long quotaDaily) {
        if (quota != null) {
            if (quota < -1) {
                throw DomainException.invalid("user.videoQuota is a number of bytes, or -1 for no limit");
            }
            defaultVideoQuota = quota;
        }
        if (quotaDaily != null) {
            if (quotaDaily < -1) {
                throw DomainException.invalid("user.videoQuotaDaily is a number of bytes, or -1 for no limit");
            }
            defaultVideoQuotaDaily = quotaDaily;
        }
        touch();
    }

    public void setP2pEnabled(Boolean enabled) {
        if (enabled != null) {
            p2pEnabled = enabled;
            touch();
        }
    }

    /** Whether one more person may register, given how many users exist. */
    public boolean acceptsRegistration(long existingUsers) {
        return signupEnabled && (signupLimit == -1 || existingUsers < signupLimit);
    }

    private void touch() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public String name() {
        return name;
    }

    public String shortDescription() {
        return shortDescription;
    }

    public String description() {
        return description;
    }

    public String terms() {
        return terms;
    }

    public boolean signupEnabled() {
        return signupEnabled;
    }

    public int signupLimit() {
        return signupLimit;
    }

    public boolean signupRequiresEmailVerification() {
        return signupRequiresEmailVerification;
    }

    public long defaultVideoQuota() {
        return defaultVideoQuota;
    }

    public long defaultVideoQuotaDaily() {
        return defaultVideoQuotaDaily;
    }

    public boolean p2pEnabled() {
        return p2pEnabled;
    }
}
