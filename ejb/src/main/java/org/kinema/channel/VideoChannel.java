package org.kinema.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.kinema.account.Account;
import org.kinema.actor.Actor;
import org.kinema.actor.ActorName;
import org.kinema.actor.ActorType;
import org.kinema.platform.DomainException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A channel: a Group actor owned by an account, which publishes videos. */
@Entity
@Table(name = "video_channel")
public class VideoChannel {

    public static final int DISPLAY_NAME_MAX = 120;
    public static final int TEXT_MIN = 3;
    public static final int TEXT_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "actor_id", nullable = false)
    private Actor actor;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String description;

    private String support;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected VideoChannel() {
    }

    private VideoChannel(Actor actor, Account account, String displayName) {
        this.actor = actor;
        this.account = account;
        this.displayName = checkedDisplayName(displayName);
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = createdAt;
    }

    /** A new channel of this instance, owned by a local account. */
    public static VideoChannel open(String name, String displayName, Account owner, String publicUrl) {
        if (!owner.actor().isLocal()) {
            throw DomainException.invalid("Only local accounts open channels here");
        }
        return new VideoChannel(Actor.local(ActorType.Group, ActorName.channelName(name), publicUrl), owner, displayName);
    }

    /** A channel of another instance, owned by an account of that instance. */
    public static VideoChannel remote(Actor actor, Account owner, String displayName) {
        if (actor.isLocal() || owner.actor().isLocal()) {
            throw DomainException.invalid("A remote channel and its owner belong to another instance");
        }
        String name = displayName == null || displayName.isBlank() ? actor.preferredUsername()
                : displayName.substring(0, Math.min(displayName.length(), DISPLAY_NAME_MAX));
        return new VideoChannel(actor, owner, name);
    }

    /** Changes what people read about the channel; null leaves a field as it is. */
    public void describe(String newDisplayName, String newDescription, String newSupport) {
        if (newDisplayName != null) {
            displayName = checkedDisplayName(newDisplayName);
        }
        if (newDescription != null) {
            description = checkedText("Description", newDescription);
        }
        if (newSupport != null) {
            support = checkedText("Support text", newSupport);
        }
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        actor.touch();
    }

    public boolean isOwnedBy(Account candidate) {
        return account.id().equals(candidate.id());
    }

    private static String checkedDisplayName(String name) {
        if (name == null || name.isBlank() || name.length() > DISPLAY_NAME_MAX) {
            throw DomainException.invalid("Channel display name must be 1 to " + DISPLAY_NAME_MAX + " characters");
        }
        return name;
    }

    private static String checkedText(String what, String text) {
        if (text.length() < TEXT_MIN || text.length() > TEXT_MAX) {
            throw DomainException.invalid(what + " must be " + TEXT_MIN + " to " + TEXT_MAX + " characters");
        }
        return text;
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

    public Account account() {
        return account;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public String support() {
        return support;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
