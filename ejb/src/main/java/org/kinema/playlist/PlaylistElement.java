package org.kinema.playlist;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.kinema.account.Caller;
import org.kinema.platform.DomainException;
import org.kinema.video.Video;
import org.kinema.video.VideoAccess;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A video at a position of a playlist, optionally from a start to a stop second. Its video is
 * null once the video is deleted. Its id is drawn before it is stored, so that its URL (its
 * ActivityPub id, {@code {playlist}/videos/{id}}) is known from the start.
 */
@Entity
@Table(name = "video_playlist_element")
public class PlaylistElement {

    @Id
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "playlist_id", nullable = false)
    private Playlist playlist;

    @ManyToOne
    @JoinColumn(name = "video_id")
    private Video video;

    @Column(nullable = false)
    private int position;

    @Column(name = "start_timestamp")
    private Integer startTimestamp;

    @Column(name = "stop_timestamp")
    private Integer stopTimestamp;

    @Column(nullable = false)
    private String url;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected PlaylistElement() {
    }

    /** A video added at a position of a local playlist, under the id drawn for it. */
    PlaylistElement(long id, Playlist playlist, Video video, int position, Integer start, Integer stop) {
        this.id = id;
        this.playlist = playlist;
        this.video = video;
        this.position = position;
        this.url = playlist.url() + "/videos/" + id;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        retime(start, stop);
    }

    /** Plays the video from {@code start} to {@code stop} seconds; a null leaves that end as it is. */
    public void retime(Integer start, Integer stop) {
        Integer newStart = start == null ? startTimestamp : start;
        Integer newStop = stop == null ? stopTimestamp : stop;
        if (newStart != null && newStart < 0 || newStop != null && newStop < 0) {
            throw DomainException.invalid("startTimestamp and stopTimestamp are seconds, 0 or more");
        }
        if (newStart != null && newStop != null && newStop <= newStart) {
            throw DomainException.invalid("stopTimestamp must come after startTimestamp");
        }
        startTimestamp = newStart;
        stopTimestamp = newStop;
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /**
     * How this element shows to the caller: its video only if the caller could find that video
     * otherwise ({@link VideoAccess#isListedTo}; an unlisted one only in the caller's own playlist).
     */
    public ElementType typeFor(Caller caller, boolean ownPlaylist) {
        if (video == null) {
            return ElementType.DELETED;
        }
        VideoAccess access = video.access();
        if (access.isListedTo(caller, ownPlaylist)) {
            return ElementType.REGULAR;
        }
        return access.published() ? ElementType.PRIVATE : ElementType.UNAVAILABLE;
    }

    public Long id() {
        return id;
    }

    public Playlist playlist() {
        return playlist;
    }

    /** The video, or null once deleted. */
    public Video video() {
        return video;
    }

    public int position() {
        return position;
    }

    public Integer startTimestamp() {
        return startTimestamp;
    }

    public Integer stopTimestamp() {
        return stopTimestamp;
    }

    public String url() {
        return url;
    }
}
