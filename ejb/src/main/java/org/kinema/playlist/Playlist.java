package org.kinema.playlist;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.kinema.account.Account;
import org.kinema.account.Caller;
import org.kinema.channel.VideoChannel;
import org.kinema.platform.DomainException;
import org.kinema.video.ShortUuid;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A playlist: its name, who may see it, the account that owns it and the channel it is published
 * in (a public playlist must be in one), and its thumbnail. Its elements are {@link PlaylistElement}s.
 */
@Entity
@Table(name = "video_playlist")
public class Playlist {

    public static final int DISPLAY_NAME_MAX = 120;
    public static final int DESCRIPTION_MIN = 3;
    public static final int DESCRIPTION_MAX = 1000;
    public static final String WATCH_LATER_NAME = "Watch later";

    /** Where a playlist's thumbnail comes from: a copy of its first video's, or an image of its owner's. */
    public enum Thumbnail { GENERATED, CUSTOM }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private UUID uuid;

    @Column(nullable = false)
    private String url;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(nullable = false)
    private int privacy;

    @Column(nullable = false)
    private int type;

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_account_id", nullable = false)
    private Account owner;

    @ManyToOne
    @JoinColumn(name = "channel_id")
    private VideoChannel channel;

    private String thumbnail;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Playlist() {
    }

    private Playlist(Account owner, PlaylistType type, String publicUrl) {
        this.uuid = UUID.randomUUID();
        this.url = publicUrl + "/video-playlists/" + uuid;
        this.owner = owner;
        this.type = type.id();
        this.privacy = PlaylistPrivacy.PRIVATE.id();
        this.createdAt = now();
        this.updatedAt = createdAt;
    }

    /** A new playlist of a local account, private unless the draft says otherwise, in the channel given (or none). */
    public static Playlist create(Account owner, VideoChannel channel, PlaylistDraft draft, String publicUrl) {
        if (draft.displayName() == null) {
            throw DomainException.invalid("A playlist needs a displayName");
        }
        Playlist playlist = new Playlist(local(owner), PlaylistType.REGULAR, publicUrl);
        playlist.describe(draft, channel);
        return playlist;
    }

    /** A user's own private Watch later playlist. */
    public static Playlist watchLater(Account owner, String publicUrl) {
        Playlist playlist = new Playlist(local(owner), PlaylistType.WATCH_LATER, publicUrl);
        playlist.name = WATCH_LATER_NAME;
        return playlist;
    }

    /**
     * The owner changes what the draft gives; {@code newChannel} is the channel the draft names
     * (null when it names none). A public playlist must be in a channel of its owner.
     */
    public void describe(PlaylistDraft draft, VideoChannel newChannel) {
        if (type() == PlaylistType.WATCH_LATER) {
            throw DomainException.invalid("A Watch later playlist cannot be changed");
        }
        if (draft.displayName() != null) {
            if (draft.displayName().isBlank() || draft.displayName().length() > DISPLAY_NAME_MAX) {
                throw DomainException.invalid("displayName must be 1 to " + DISPLAY_NAME_MAX + " characters");
            }
            name = draft.displayName();
        }
        if (draft.description() != null) {
            if (draft.description().length() < DESCRIPTION_MIN || draft.description().length() > DESCRIPTION_MAX) {
                throw DomainException.invalid("description must be " + DESCRIPTION_MIN + " to " + DESCRIPTION_MAX + " characters");
            }
            description = draft.description();
        }
        if (newChannel != null) {
            if (!newChannel.isOwnedBy(owner)) {
                throw DomainException.forbidden("This channel is not one of the playlist owner's");
            }
            channel = newChannel;
        } else if (draft.removeChannel()) {
            channel = null;
        }
        if (draft.privacy() != null) {
            privacy = PlaylistPrivacy.of(draft.privacy()).id();
        }
        if (privacy() == PlaylistPrivacy.PUBLIC && channel == null) {
            throw DomainException.invalid("A public playlist must be in a channel: give videoChannelId");
        }
        touch();
    }

    /** The playlist changed (an element was added, moved or removed). */
    public void touch() {
        updatedAt = now();
    }

    public void showThumbnail(Thumbnail source) {
        thumbnail = source == null ? null : source.name();
    }

    /** Whether the caller (of this account; both null when anonymous) may see this playlist: a private one is its owner's alone. */
    public boolean isVisibleTo(Long callerAccountId) {
        return privacy() != PlaylistPrivacy.PRIVATE || isOwnedBy(callerAccountId);
    }

    public boolean isOwnedBy(Long accountId) {
        return accountId != null && accountId.equals(owner.id());
    }

    /** Whether the caller may change the playlist and its elements: its owner, on this instance. */
    public boolean isManagedBy(Long callerAccountId) {
        return owner.actor().isLocal() && isOwnedBy(callerAccountId);
    }

    /** Whether the caller may delete it: its owner, or a moderator when it is not private (and not a Watch later). */
    public boolean isRemovableBy(Caller caller, Long callerAccountId) {
        return isManagedBy(callerAccountId) || caller != null && caller.canManageUsers() && privacy() != PlaylistPrivacy.PRIVATE;
    }

    private static Account local(Account owner) {
        if (!owner.actor().isLocal()) {
            throw DomainException.invalid("Only local accounts make playlists here");
        }
        return owner;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public Long id() {
        return id;
    }

    public UUID uuid() {
        return uuid;
    }

    public String shortUuid() {
        return ShortUuid.of(uuid);
    }

    /** The ActivityPub id: {@code {publicUrl}/video-playlists/{uuid}} for a local playlist. */
    public String url() {
        return url;
    }

    public String displayName() {
        return name;
    }

    public String description() {
        return description;
    }

    public PlaylistPrivacy privacy() {
        return PlaylistPrivacy.of(privacy);
    }

    public PlaylistType type() {
        return PlaylistType.of(type);
    }

    public Account owner() {
        return owner;
    }

    /** The channel it is published in, or null. */
    public VideoChannel channel() {
        return channel;
    }

    /** Where its thumbnail comes from, or null when it shows none. */
    public Thumbnail thumbnail() {
        return thumbnail == null ? null : Thumbnail.valueOf(thumbnail);
    }

    public boolean isLocal() {
        return owner.actor().isLocal();
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
