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
