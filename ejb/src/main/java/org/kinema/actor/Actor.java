package org.kinema.actor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * An ActivityPub actor. A local actor has no host; its URL is fixed when it is created.
 */
@Entity
@Table(name = "actor")
public class Actor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActorType type;

    @Column(name = "preferred_username", nullable = false)
    private String preferredUsername;

    private String host;

    @Column(nullable = false)
    private String url;

    @Column(name = "followers_count", nullable = false)
    private int followersCount;

    @Column(name = "following_count", nullable = false)
    private int followingCount;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Actor() {
    }

    private Actor(ActorType type, String preferredUsername, String host, String url) {
        this.type = type;
        this.preferredUsername = preferredUsername;
        this.host = host;
        this.url = url;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = createdAt;
    }

    /** A person or group of this instance, at {@code {publicUrl}/accounts/{name}} or {@code /video-channels/{name}}. */
    public static Actor local(ActorType type, String name, String publicUrl) {
        String path = type == ActorType.Person ? "/accounts/" : "/video-channels/";
        return new Actor(type, name, null, publicUrl + path + name);
    }

    public void touch() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public Long id() {
        return id;
    }

    public ActorType type() {
        return type;
    }

    public String preferredUsername() {
        return preferredUsername;
    }

    public boolean isLocal() {
        return host == null;
    }

    /** The actor's host, or null for a local actor. */
    public String host() {
        return host;
    }

    public String url() {
        return url;
    }

    public int followersCount() {
        return followersCount;
    }

    public int followingCount() {
        return followingCount;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
