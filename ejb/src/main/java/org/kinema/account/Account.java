package org.kinema.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.kinema.actor.Actor;
import org.kinema.platform.DomainException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The public face of a person: a Person actor, a display name and a description. */
@Entity
@Table(name = "account")
public class Account {

    public static final int DISPLAY_NAME_MAX = 120;
    public static final int DESCRIPTION_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "actor_id", nullable = false)
    private Actor actor;

    /**
     * The user behind a local account, by id only: reading an account (with every video listed)
     * then never reads its user's credentials, nor costs a select of its own.
     */
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String description;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Account() {
    }

    /** A local account for a user already stored (with an id). */
    public Account(Actor actor, User user, String displayName) {
        this.actor = actor;
        this.userId = user.id();
        this.displayName = checkedDisplayName(displayName);
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = createdAt;
    }

    /** The account of a person of another instance, named as its document names it. */
    public static Account remote(Actor actor, String displayName) {
        if (actor.isLocal()) {
            throw DomainException.invalid("A remote account stands for an actor of another instance");
        }
        Account account = new Account();
        account.actor = actor;
        account.displayName = displayName == null || displayName.isBlank() ? actor.preferredUsername()
                : displayName.substring(0, Math.min(displayName.length(), DISPLAY_NAME_MAX));
        account.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        account.updatedAt = account.createdAt;
        return account;
    }

    public void describe(String newDisplayName, String newDescription) {
        if (newDisplayName != null) {
            displayName = checkedDisplayName(newDisplayName);
        }
        if (newDescription != null) {
            if (newDescription.length() > DESCRIPTION_MAX) {
                throw DomainException.invalid("Description must be at most " + DESCRIPTION_MAX + " characters");
            }
            description = newDescription;
        }
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        actor.touch();
    }

    private static String checkedDisplayName(String name) {
        if (name == null || name.isBlank() || name.length() > DISPLAY_NAME_MAX) {
            throw DomainException.invalid("Display name must be 1 to " + DISPLAY_NAME_MAX + " characters");
        }
        return name;
    }

    public Long id() {
        return id;
    }

    public Actor actor() {
        return actor;
    }

    public String name() {
        return actor.preferredUsername();
    }

    /** The id of the user behind a local account, or null for a remote account. */
    public Long userId() {
        return userId;
    }

    public boolean belongsTo(long user) {
        return userId != null && userId == user;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
