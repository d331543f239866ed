package org.kinema.comment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.kinema.account.Account;
import org.kinema.platform.DomainException;
import org.kinema.video.Video;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A comment on a video: the first of a thread, or a reply within one. Its URL is its ActivityPub
 * id ({@code {publicUrl}/videos/watch/{uuid}/comments/{id}} for one written here, the remote
 * instance's for one written there) and its account may be local or remote. A deleted comment
 * that has replies stays as a tombstone: no text, no author, the time it was deleted.
 */
@Entity
@Table(name = "video_comment")
public class Comment {

    @Id
    private Long id;

    @Column(nullable = false)
    private String url;

    @Column(name = "video_id", nullable = false)
    private long videoId;

    /** The thread's first comment; null for the first comment itself. */
    @Column(name = "origin_comment_id")
    private Long originCommentId;

    @Column(name = "in_reply_to_comment_id")
    private Long inReplyToCommentId;

    @ManyToOne
    @JoinColumn(name = "account_id")
    private Account account;

    /** The author's id, for queries that need no join. */
    @Column(name = "account_id", insertable = false, updatable = false)
    private Long accountId;

    @Column(nullable = false)
    private String text;

    @Column(nullable = false)
    private String html;

    @Column(name = "held_for_review", nullable = false)
    private boolean heldForReview;

    /** Kept by the database: replies readers see in this thread (on a thread's first comment). */
    @Column(name = "total_replies", insertable = false, updatable = false)
    private int totalReplies;

    @Column(name = "total_replies_from_video_author", insertable = false, updatable = false)
    private int totalRepliesFromVideoAuthor;

    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @ElementCollection
    @CollectionTable(name = "video_comment_mention", joinColumns = @JoinColumn(name = "comment_id"))
    private List<Mention> mentions = new ArrayList<>();

    protected Comment() {
    }

    private Comment(long id, String url, Video video, Comment parent, Account account, CommentText text, boolean held) {
        this.id = id;
        this.url = url;
        this.videoId = video.id();
        if (parent != null) {
            this.originCommentId = parent.threadId();
            this.inReplyToCommentId = parent.id;
        }
        this.account = account;
        this.text = text.markdown();
        this.html = text.html();
        this.heldForReview = held;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = createdAt;
    }

    /** A comment written here, starting a thread (parent null) or replying; held until approved if asked. */
    static Comment written(long id, String publicUrl, Video video, Comment parent, Account author, CommentText text,
                           boolean held) {
        if (parent != null && (parent.videoId != video.id() || parent.isDeleted())) {
            throw DomainException.invalid("A reply answers a comment of the same video that is not deleted");
        }
        String url = publicUrl + "/videos/watch/" + video.uuid() + "/comments/" + id;
        return new Comment(id, url, video, parent, author, text, held);
    }

    /** A comment written on another instance, under its ActivityPub id, starting a thread or replying. */
    public static Comment received(long id, String url, Video video, Comment parent, Account author, CommentText text) {
        if (parent != null && (parent.videoId != video.id() || parent.isDeleted())) {
            throw DomainException.invalid("A reply answers a comment of the same video that is not deleted");
        }
        if (author.actor().isLocal()) {
            throw DomainException.invalid("A comment received from another instance has a remote author");
        }
        return new Comment(id, url, video, parent, author, text, false);
    }

    /** Records who the text mentions (an account known here, or only a name and host). */
    void mention(String name, String host, Long accountId) {
        mentions.add(new Mention(name, host, accountId));
    }

    /** The comment goes, but its replies stay under a tombstone. */
    void becomeTombstone() {
        if (isDeleted()) {
            throw DomainException.conflict("This comment is already deleted");
        }
        deletedAt = OffsetDateTime.now(ZoneOffset.UTC);
        updatedAt = deletedAt;
        text = "";
        html = "";
        account = null;
        mentions.clear();
    }

    /** Someone who manages the video lets a comment held for review be seen. */
    void approve() {
        if (!heldForReview) {
            throw DomainException.invalid("This comment is not held for review");
        }
        heldForReview = false;
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public boolean isWrittenBy(Account candidate) {
        return account != null && candidate != null && account.id().equals(candidate.id());
    }

    public Long id() {
        return id;
    }

    public String url() {
        return url;
    }

    public long videoId() {
        return videoId;
    }

    /** The id of the thread's first comment (this one's own for the first). */
    public long threadId() {
        return originCommentId == null ? id : originCommentId;
    }

    public boolean isThread() {
        return originCommentId == null;
    }

    public Long inReplyToCommentId() {
        return inReplyToCommentId;
    }

    /** The author's account id; null for a tombstone. */
    public Long accountId() {
        return account == null ? null : account.id();
    }

    /** The author; null for a tombstone. */
    public Account account() {
        return account;
    }

    public String markdown() {
        return text;
    }

    public String html() {
        return html;
    }

    public boolean heldForReview() {
        return heldForReview;
    }

    public int totalReplies() {
        return totalReplies;
    }

    public int totalRepliesFromVideoAuthor() {
        return totalRepliesFromVideoAuthor;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public OffsetDateTime deletedAt() {
        return deletedAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public List<Mention> mentions() {
        return List.copyOf(mentions);
    }
}
