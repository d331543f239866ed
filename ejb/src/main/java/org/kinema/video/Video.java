package org.kinema.video;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.kinema.channel.VideoChannel;
import org.kinema.platform.DomainException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A video of a channel: what it is called and who may see it, and where it stands in its life:
 * uploaded and waiting for transcoding, published, or failed with a reason (its original kept).
 */
@Entity
@Table(name = "video")
public class Video {

    public static final int NAME_MIN = 3;
    public static final int NAME_MAX = 120;
    public static final int DESCRIPTION_MAX = 10_000;
    public static final int MAX_TAGS = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private UUID uuid;

    @Column(name = "short_uuid", nullable = false)
    private String shortUuid;

    @ManyToOne(optional = false)
    @JoinColumn(name = "channel_id", nullable = false)
    private VideoChannel channel;

    /** The channel's account, kept beside it so that an index orders an account's videos; it never changes. */
    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(nullable = false)
    private String name;

    private String description;
    private String support;

    @Column(nullable = false)
    private int privacy;

    private Integer category;
    private Integer licence;
    private String language;

    @Column(nullable = false)
    private boolean nsfw;

    @Column(name = "comments_policy", nullable = false)
    private int commentsPolicy;

    @Column(name = "download_enabled", nullable = false)
    private boolean downloadEnabled;

    @Column(name = "wait_transcoding", nullable = false)
    private boolean waitTranscoding;

    @Column(nullable = false)
    private int state;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "transcoding_progress", nullable = false)
    private int transcodingProgress;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "lease_id")
    private String leaseId;

    @Column(name = "hls_prefix")
    private String hlsPrefix;

    /** Published while its ladder is still being encoded: its streams grow in a job's work folder. */
    @Column(nullable = false)
    private boolean encoding;

    /** While {@link #encoding}: the work folder (named by the claim that encodes it) its streams are served from. */
    @Column(name = "encoding_folder")
    private String encodingFolder;

    @Column(nullable = false)
    private int duration;

    @Column(name = "aspect_ratio")
    private Float aspectRatio;

    @Column(name = "original_filename")
    private String originalFilename;

    @Column(name = "original_size", nullable = false)
    private long originalSize;

    @Column(name = "has_custom_thumbnail", nullable = false)
    private boolean customThumbnail;

    @Column(name = "has_custom_preview", nullable = false)
    private boolean customPreview;

    @Column(nullable = false)
    private long views;

    @Column(nullable = false)
    private long likes;

    @Column(nullable = false)
    private long dislikes;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** The ActivityPub id of a video of another instance; null for a local video. */
    @Column(name = "url")
    private String remoteUrl;

    @Column(name = "remote_playlist_url")
    private String remotePlaylistUrl;

    @Column(name = "remote_segments_url")
    private String remoteSegmentsUrl;

    @Column(name = "remote_thumbnail_url")
    private String remoteThumbnailUrl;

    /** Read when first asked for (a list shows no tags), within the transaction that needs them. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "video_tag", joinColumns = @JoinColumn(name = "video_id"))
    @Column(name = "tag")
    @OrderBy
    private List<String> tags = new ArrayList<>();

    protected Video() {
    }

    /** A video just uploaded into a channel; it waits for transcoding. */
    public static Video uploaded(VideoChannel channel, VideoDraft draft, String originalFilename, long originalSize,
                                 int duration) {
        Video video = new Video();
        video.inChannel(channel, UUID.randomUUID());
        video.state = VideoState.TO_TRANSCODE.id();
        video.originalFilename = originalFilename;
        video.originalSize = originalSize;
        video.duration = duration;
        video.describe(draft);
        return video.named();
    }

    /** What every new video starts with: its ids, its channel and PeerTube's defaults. */
    private void inChannel(VideoChannel newChannel, UUID newUuid) {
        uuid = newUuid;
        shortUuid = ShortUuid.of(uuid);
        channel = newChannel;
        accountId = newChannel.account().id();
        createdAt = now();
        privacy = Privacy.PUBLIC.id();
        commentsPolicy = CommentsPolicy.ENABLED.id();
        downloadEnabled = true;
        waitTranscoding = true;
    }

    private Video named() {
        if (name == null) {
            throw DomainException.invalid("A video needs a name");
        }
        return this;
    }

    /** A video of another instance, kept as its origin describes it; it plays from there. */
    public static Video remote(VideoChannel channel, RemoteVideo remote) {
        if (channel.actor().isLocal()) {
            throw DomainException.invalid("A video of another instance belongs to a channel of that instance");
        }
        Video video = new Video();
        video.inChannel(channel, remote.uuid());
        video.remoteUrl = remote.url();
        video.refresh(remote);
        return video.named();
    }

    /** The origin says something new of its video: the kept copy follows. */
    public void refresh(RemoteVideo remote) {
        if (remoteUrl == null || !remoteUrl.equals(remote.url())) {
            throw DomainException.invalid("Only a video of another instance is refreshed from its origin");
        }
        describe(remote.description());
        duration = remote.duration();
        aspectRatio = remote.aspectRatio();
        views = Math.max(0, remote.views());
        state = VideoState.PUBLISHED.id();
        transcodingProgress = 100;
        publishedAt = remote.publishedAt() == null ? (publishedAt == null ? now() : publishedAt) : remote.publishedAt();
        remotePlaylistUrl = remote.playlistUrl();
        remoteSegmentsUrl = remote.segmentsUrl();
        remoteThumbnailUrl = remote.thumbnailUrl();
    }

    /** The ActivityPub id of a video of another instance; null for a local video. */
    public String remoteUrl() {
        return remoteUrl;
    }

    public boolean isRemote() {
        return remoteUrl != null;
    }

    /** The HLS master playlist at the origin of a remote video. */
    public String remotePlaylistUrl() {
        return remotePlaylistUrl;
    }

    public String remoteSegmentsUrl() {
        return remoteSegmentsUrl;
    }

    public String remoteThumbnailUrl() {
        return remoteThumbnailUrl;
    }

    /** Applies what the uploader says; null fields are left as they are. */
    public void describe(VideoDraft draft) {
        if (draft.name() != null) {
            if (draft.name().length() < NAME_MIN || draft.name().length() > NAME_MAX) {
                throw DomainException.invalid("Video name must be " + NAME_MIN + " to " + NAME_MAX + " characters");
            }
            name = draft.name();
        }
        if (draft.privacy() != null) {
            privacy = Privacy.of(draft.privacy()).id();
        }
        if (draft.category() != null) {
            category = VideoConstants.checkedCategory(draft.category());
        }
        if (draft.licence() != null) {
            licence = VideoConstants.checkedLicence(draft.licence());
        }
        if (draft.language() != null) {
            language = VideoConstants.checkedLanguage(draft.language());
        }
        if (draft.description() != null) {
            if (draft.description().length() > DESCRIPTION_MAX) {
                throw DomainException.invalid("Description must be at most " + DESCRIPTION_MAX + " characters");
            }
            description = draft.description();
        }
        if (draft.support() != null) {
            if (draft.support().length() > 1000) {
                throw DomainException.invalid("Support text must be at most 1000 characters");
            }
            support = draft.support();
        }
        if (!draft.tags().isEmpty()) {
            setTags(draft.tags());
        }
        if (draft.nsfw() != null) {
            nsfw = draft.nsfw();
        }
        if (draft.commentsPolicy() != null) {
            commentsPolicy = CommentsPolicy.of(draft.commentsPolicy()).id();
        }
        if (draft.downloadEnabled() != null) {
            downloadEnabled = draft.downloadEnabled();
        }
        if (draft.waitTranscoding() != null) {
            waitTranscoding = draft.waitTranscoding();
        }
        updatedAt = now();
    }

    private void setTags(List<String> newTags) {
        LinkedHashSet<String> unique = new LinkedHashSet<>(newTags);
        if (unique.size() > MAX_TAGS) {
            throw DomainException.invalid("A video has at most " + MAX_TAGS + " tags");
        }
        for (String tag : unique) {
            if (tag.length() < 2 || tag.length() > 30) {
                throw DomainException.invalid("A tag is 2 to 30 characters long");
            }
        }
        tags.clear();
        tags.addAll(unique);
    }

    /**
     * A job of a node takes the transcoding of this video for a while, under a claim of its own;
     * it renews the lease as it works, and only the claim's job may report, publish or fail it.
     * A video watchable while encoding keeps its progress: the new job takes up the stopped one's encode.
     */
    public void leaseTranscoding(String owner, String claim, OffsetDateTime until) {
        if (!encoding) {
            requireState(VideoState.TO_TRANSCODE, "lease its transcoding");
            transcodingProgress = 0;
        }
        leaseOwner = owner;
        leaseId = claim;
        leaseUntil = until;
    }

    /**
     * The claim that holds (or last held) the video's transcoding; a free video waiting for a job
     * still names the claim whose lease ran out (its node died), until {@link #leaseTranscoding}
     * replaces it. Empty when no job claimed it or its job let it go.
     */
    public Optional<String> transcodingClaim() {
        return Optional.ofNullable(leaseId);
    }

    /** Whether the job of this claim may still change the video's transcoding. */
    public boolean isLeasedTo(String claim) {
        return (state == VideoState.TO_TRANSCODE.id() || encoding) && claim != null && claim.equals(leaseId);
    }

    /**
     * The first segments of every rendition exist: the video is published while its job goes on
     * encoding, its streams served from the job's work folder until they are complete.
     */
    public void publishWhileEncoding(String claim, String newHlsPrefix, int newDuration, Float newAspectRatio) {
        requireLease(claim, "publish it");
        if (encoding) {
            throw DomainException.conflict("Cannot publish it: it is already published while encoding");
        }
        hlsPrefix = newHlsPrefix;
        duration = newDuration;
        aspectRatio = newAspectRatio;
        state = VideoState.PUBLISHED.id();
        encoding = true;
        encodingFolder = claim;
        failureReason = null;
        if (publishedAt == null) {
            publishedAt = now();
        }
        updatedAt = now();
    }

    /** Whether the video is published while its ladder is still being encoded. */
    public boolean isEncoding() {
        return encoding;
    }

    /** While encoding: the work folder its streams are served from. */
    public Optional<String> encodingFolder() {
        return encoding ? Optional.ofNullable(encodingFolder) : Optional.empty();
    }

    /** Transcoding finished: the video's streams are those under the given prefix. */
    public void publish(String claim, String newHlsPrefix, int newDuration, Float newAspectRatio) {
        requireLease(claim, "publish it");
        encoding = false;
        encodingFolder = null;
        hlsPrefix = newHlsPrefix;
        duration = newDuration;
        aspectRatio = newAspectRatio;
        state = VideoState.PUBLISHED.id();
        transcodingProgress = 100;
        failureReason = null;
        releaseLease();
        if (publishedAt == null) {
            publishedAt = now();
        }
        updatedAt = now();
    }

    /**
     * Transcoding failed: the video stays unpublished with the reason, or is withdrawn if it was
     * published while encoding (its half streams are no longer served); its original is kept.
     */
    public void failTranscoding(String claim, String reason) {
        requireLease(claim, "fail its transcoding");
        if (encoding) {
            encoding = false;
            encodingFolder = null;
            hlsPrefix = null;
        }
        state = VideoState.TRANSCODING_FAILED.id();
        failureReason = reason == null || reason.isBlank() ? "Transcoding failed" : truncate(reason, 2000);
        releaseLease();
        updatedAt = now();
    }

    /** An administrator asks for transcoding again (after a failure, or to redo the streams). */
    public void retryTranscoding() {
        state = VideoState.TO_TRANSCODE.id();
        encoding = false;
        encodingFolder = null;
        failureReason = null;
        transcodingProgress = 0;
        releaseLease();
        updatedAt = now();
    }

    public void useCustomImages(boolean thumbnail, boolean preview) {
        customThumbnail |= thumbnail;
        customPreview |= preview;
    }

    private void releaseLease() {
        leaseOwner = null;
        leaseId = null;
        leaseUntil = null;
    }

    private void requireLease(String claim, String action) {
        if (!encoding) {
            requireState(VideoState.TO_TRANSCODE, action);
        }
        if (!isLeasedTo(claim)) {
            throw DomainException.conflict("Cannot " + action + ": another job holds the video's transcoding");
        }
    }

    private void requireState(VideoState expected, String action) {
        if (state != expected.id()) {
            throw DomainException.conflict("Cannot " + action + ": the video is " + state().label().toLowerCase());
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
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
        return shortUuid;
    }

    public VideoChannel channel() {
        return channel;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String support() {
        return support;
    }

    public Privacy privacy() {
        return Privacy.of(privacy);
    }

    public Integer category() {
        return category;
    }

    public Integer licence() {
        return licence;
    }

    public String language() {
        return language;
    }

    public boolean nsfw() {
        return nsfw;
    }

    public CommentsPolicy commentsPolicy() {
        return CommentsPolicy.of(commentsPolicy);
    }

    /** PeerTube's {@code commentsEnabled}: comments are taken, with or without approval. */
    public boolean commentsEnabled() {
        return commentsPolicy().isEnabled();
    }

    public boolean downloadEnabled() {
        return downloadEnabled;
    }

    public boolean waitTranscoding() {
        return waitTranscoding;
    }

    public VideoState state() {
        return VideoState.of(state);
    }

    public String failureReason() {
        return failureReason;
    }

    public int transcodingProgress() {
        return transcodingProgress;
    }

    public String hlsPrefix() {
        return hlsPrefix;
    }

    public int duration() {
        return duration;
    }

    public Float aspectRatio() {
        return aspectRatio;
    }

    public String originalFilename() {
        return originalFilename;
    }

    public long originalSize() {
        return originalSize;
    }

    public boolean customThumbnail() {
        return customThumbnail;
    }

    public boolean customPreview() {
        return customPreview;
    }

    public long views() {
        return views;
    }

    public long likes() {
        return likes;
    }

    public long dislikes() {
        return dislikes;
    }

    public OffsetDateTime publishedAt() {
        return publishedAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public List<String> tags() {
        return List.copyOf(tags);
    }

    public boolean isPublished() {
        return state == VideoState.PUBLISHED.id();
    }

    /** What decides who may see this video. */
    public VideoAccess access() {
        return new VideoAccess(id, uuid, privacy(), isPublished(), channel.account().userId(),
                encodingFolder().orElse(null));
    }
}
