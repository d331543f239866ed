package org.kinema.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.kinema.video.Video;

import java.time.OffsetDateTime;

/**
 * A video in a user's history: where they stopped, and when. Rows are written by
 * {@link HistoryRepository#record} in one statement (a player reports every few seconds); this
 * entity reads them.
 */
@Entity
@Table(name = "user_video_history")
public class WatchedVideo {

    @Id
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "video_id", nullable = false)
    private Video video;

    @Column(name = "position_seconds", nullable = false)
    private int positionSeconds;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected WatchedVideo() {
    }

    public Video video() {
        return video;
    }

    /** Where the user stopped, in seconds from the start (PeerTube's {@code currentTime}). */
    public int positionSeconds() {
        return positionSeconds;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
