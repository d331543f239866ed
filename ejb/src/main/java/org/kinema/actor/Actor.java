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

    @Column(name = "public_key")
    private String publicKey;

    @Column(name = "private_key")
    private String privateKey;

    @Column(name = "inbox_url", nullable = false)
    private String inboxUrl;

    @Column(name = "shared_inbox_url")
    private String sharedInboxUrl;

    @Column(name = "outbox_url")
    private String outboxUrl;

    @Column(name = "followers_url")
    private String followersUrl;

    @Column(name = "following_url")
    private String followingUrl;

    @Column(name = "fetched_at")
    private OffsetDateTime fetchedAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Actor() {
    }

    private Actor(ActorType type, String preferredUsername, String host, String url, Endpoints endpoints) {
        this.type = type;
        this.preferredUsername = preferredUsername;
        this.host = host;
        this.url = url;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = createdAt;
        endpoints(endpoints);
    }

    /**
     * An actor of this instance: a person at {@code {publicUrl}/accounts/{name}}, a group at
     * {@code /video-channels/{name}}, the instance's Application at {@code /accounts/peertube}.
     * It gets its key pair when it is first asked for one.
     */
    public static Actor local(ActorType type, String name, String publicUrl) {
        String path = type == ActorType.Group ? "/video-channels/" : "/accounts/";
        String url = publicUrl + path + name;
        return new Actor(type, name, null, url, new Endpoints(url + "/inbox", publicUrl + "/inbox", url + "/outbox",
                url + "/followers", url + "/following"));
    }

    /** The instance's own actor, named as PeerTube names it. */
    public static Actor application(String publicUrl) {
        return local(ActorType.Application, ActorName.APPLICATION, publicUrl);
    }

    /** An actor of another instance, as its document says it is, with the public key it shows. */
    public static Actor remote(ActorType type, String name, String host, String url, Endpoints endpoints, String publicKey) {
        Actor actor = new Actor(type, name, host, url, endpoints);
        actor.publicKey = publicKey;
        actor.fetchedAt = actor.createdAt;
        return actor;
    }

    /** A remote actor read again from its origin: its endpoints and key may have changed. */
    public void refresh(Endpoints endpoints, String newPublicKey) {
        if (isLocal()) {
            throw new IllegalStateException("A local actor is not refreshed from elsewhere");
        }
        endpoints(endpoints);
        publicKey = newPublicKey;
        fetchedAt = OffsetDateTime.now(ZoneOffset.UTC);
        updatedAt = fetchedAt;
    }

    private void endpoints(Endpoints endpoints) {
        this.inboxUrl = endpoints.inbox();
        this.sharedInboxUrl = endpoints.sharedInbox();
        this.outboxUrl = endpoints.outbox();
        this.followersUrl = endpoints.followers();
        this.followingUrl = endpoints.following();
    }

    /** Where an actor takes activities and lists what it did and who follows it. */
    public record Endpoints(String inbox, String sharedInbox, String outbox, String followers, String following) {
        public Endpoints {
            if (inbox == null || inbox.isBlank()) {
                throw new IllegalArgumentException("An actor has an inbox");
            }
        }
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

    public Endpoints endpoints() {
        return new Endpoints(inboxUrl, sharedInboxUrl, outboxUrl, followersUrl, followingUrl);
    }

    /** The actor's public key in PEM, or null for a local actor not yet given its pair. */
    public String publicKey() {
        return publicKey;
    }

    /** The private key in PEM: only a local actor's, and only once it has its pair. */
    public String privateKey() {
        return privateKey;
    }

    /** When a remote actor was last read from its origin (null for a local one). */
    public OffsetDateTime fetchedAt() {
        return fetchedAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
