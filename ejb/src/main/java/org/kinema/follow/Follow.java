package org.kinema.follow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.kinema.actor.Actor;
import org.kinema.platform.DomainException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One actor follows another. The URL is the follow's ActivityPub id: {@code {followerUrl}/follows/{id}}
 * for a follower of this instance. A follow between actors of this instance is accepted at once.
 * The actors' counts follow the accepted follows (kept by the database).
 */
@Entity
@Table(name = "actor_follow")
public class Follow {

    @Id
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "follower_id", nullable = false)
    private Actor follower;

    @ManyToOne(optional = false)
    @JoinColumn(name = "following_id", nullable = false)
    private Actor following;

    @Column(nullable = false)
    private String state;

    @Column(nullable = false)
    private String url;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Follow() {
    }

    /** A local actor follows another local actor: accepted at once. */
    static Follow betweenLocals(long id, Actor follower, Actor following) {
        if (!follower.isLocal() || !following.isLocal()) {
            throw DomainException.invalid("Following an actor of another instance needs federation, which is not available yet");
        }
        Follow follow = new Follow();
        follow.id = id;
        follow.follower = follower;
        follow.following = following;
        follow.state = FollowState.ACCEPTED.label();
        follow.url = follower.url() + "/follows/" + id;
        follow.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        follow.updatedAt = follow.createdAt;
        return follow;
    }

    /** A remote actor's follow of a local one, under the id its server gave it: accepted at once. */
    public static Follow fromRemote(long id, Actor follower, Actor following, String url) {
        if (follower.isLocal() || !following.isLocal()) {
            throw DomainException.invalid("A remote follow is of a local actor by a remote one");
        }
        return create(id, follower, following, FollowState.ACCEPTED, url);
    }

    /** A local actor asks to follow a remote one: pending until the remote server accepts. */
    public static Follow ofRemote(long id, Actor follower, Actor following) {
        if (!follower.isLocal() || following.isLocal()) {
            throw DomainException.invalid("Following another instance is a local actor's follow of a remote one");
        }
        return create(id, follower, following, FollowState.PENDING, follower.url() + "/follows/" + id);
    }

    private static Follow create(long id, Actor follower, Actor following, FollowState state, String url) {
        Follow follow = new Follow();
        follow.id = id;
        follow.follower = follower;
        follow.following = following;
        follow.state = state.label();
        follow.url = url;
        follow.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        follow.updatedAt = follow.createdAt;
        return follow;
    }

    /** The followed actor's server accepted the follow. */
    public void accept() {
        if (!FollowState.ACCEPTED.label().equals(state)) {
            state = FollowState.ACCEPTED.label();
            updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
    }

    public Long id() {
        return id;
    }

    public Actor follower() {
        return follower;
    }

    public Actor following() {
        return following;
    }

    public FollowState state() {
        return FollowState.of(state);
    }

    public String url() {
        return url;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
