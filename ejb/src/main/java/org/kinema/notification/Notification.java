package org.kinema.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Something a user is told: its kind, whether they read it, and what it is about (a video, comment, account, follow). */
@Entity
@Table(name = "user_notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(nullable = false)
    private int type;

    @Column(nullable = false)
    private boolean read;

    @Column(name = "video_id")
    private Long videoId;

    @Column(name = "comment_id")
    private Long commentId;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "actor_follow_id")
    private Long followId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Notification() {
    }

    private Notification(long userId, NotificationType type, Long videoId, Long commentId, Long accountId, Long followId) {
        this.userId = userId;
        this.type = type.id();
        this.videoId = videoId;
        this.commentId = commentId;
        this.accountId = accountId;
        this.followId = followId;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = createdAt;
    }

    static Notification aboutVideo(long userId, NotificationType type, long videoId) {
        return new Notification(userId, type, videoId, null, null, null);
    }

    /** About a comment, and the video it is on (whose privacy decides whether the user still sees it). */
    static Notification aboutComment(long userId, NotificationType type, long commentId, long videoId) {
        return new Notification(userId, type, videoId, commentId, null, null);
    }

    static Notification aboutAccount(long userId, NotificationType type, long accountId) {
        return new Notification(userId, type, null, null, accountId, null);
    }

    static Notification aboutFollow(long userId, NotificationType type, long followId, long followerAccountId) {
        return new Notification(userId, type, null, null, followerAccountId, followId);
    }

    public Long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public NotificationType type() {
        return NotificationType.of(type);
    }
}
