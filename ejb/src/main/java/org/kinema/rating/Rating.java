package org.kinema.rating;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.kinema.account.Account;
import org.kinema.video.Video;

import java.time.OffsetDateTime;

/**
 * An account's like or dislike of a video. Rows are written by {@link RatingRepository#rate} in one
 * statement each (concurrent raters never lose a change); this entity reads them.
 */
@Entity
@Table(name = "video_rating")
public class Rating {

    @Id
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @ManyToOne(optional = false)
    @JoinColumn(name = "video_id", nullable = false)
    private Video video;

    @Column(nullable = false)
    private String type;

    @Column(nullable = false)
    private String url;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Rating() {
    }

    /** The ActivityPub id of a local account's rating: {@code {account}/likes/{videoId}} or {@code …/dislikes/…}. */
    public static String urlOf(Account account, Video video, RatingType type) {
        return account.actor().url() + (type == RatingType.LIKE ? "/likes/" : "/dislikes/") + video.id();
    }

    public Long id() {
        return id;
    }

    public Account account() {
        return account;
    }

    public Video video() {
        return video;
    }

    public RatingType type() {
        return RatingType.of(type);
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
