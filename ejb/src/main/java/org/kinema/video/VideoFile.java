package org.kinema.video;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One file of a video in the media store: the original, a downloadable MP4 or an HLS rendition,
 * with what players need to know of it and its torrent, once made.
 */
@Entity
@Table(name = "video_file")
public class VideoFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "video_id", nullable = false)
    private Video video;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FileKind kind;

    @Column(nullable = false)
    private int resolution;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(nullable = false)
    private float fps;

    @Column(nullable = false)
    private long bitrate;

    @Column(nullable = false)
    private long size;

    @Column(nullable = false)
    private String filename;

    @Column(name = "torrent_filename")
    private String torrentFilename;

    @Column(name = "info_hash")
    private String infoHash;

    @Column(name = "has_audio", nullable = false)
    private boolean hasAudio;

    @Column(name = "has_video", nullable = false)
    private boolean hasVideo;

    private String codecs;

    private String metadata;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** Where a remote video's file is at its origin; null for a file of this instance. */
    @Column(name = "remote_url")
    private String remoteUrl;

    protected VideoFile() {
    }

    /** What ffprobe and the encoder say about a file. */
    public record Facts(int resolution, int width, int height, float fps, long bitrate, long size,
                        boolean hasAudio, boolean hasVideo, String codecs) {
    }

    public VideoFile(Video video, FileKind kind, String filename, Facts facts) {
        this.video = video;
        this.kind = kind;
        this.filename = filename;
        this.resolution = facts.resolution();
        this.width = facts.width();
        this.height = facts.height();
        this.fps = facts.fps();
        this.bitrate = facts.bitrate();
        this.size = facts.size();
        this.hasAudio = facts.hasAudio();
        this.hasVideo = facts.hasVideo();
        this.codecs = facts.codecs();
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** A file of a remote video, served by its origin. */
    public static VideoFile remote(Video video, RemoteVideo.File file) {
        String name = file.url().substring(file.url().lastIndexOf('/') + 1);
        VideoFile kept = new VideoFile(video, file.kind(), name.isEmpty() ? "remote" : name,
                new Facts(file.resolution(), file.width(), file.height(), file.fps(), 0, Math.max(0, file.size()), true, true, null));
        kept.remoteUrl = file.url();
        return kept;
    }

    /** Where a remote video's file is at its origin; null for a file of this instance. */
    public String remoteUrl() {
        return remoteUrl;
    }

    public void attachTorrent(String newTorrentFilename, String newInfoHash) {
        torrentFilename = newTorrentFilename;
        infoHash = newInfoHash;
    }

    /** What ffprobe says of the file, as its JSON (PeerTube's {@code metadataUrl} serves it). */
    public void describeMetadata(String ffprobeJson) {
        metadata = ffprobeJson;
    }

    public Long id() {
        return id;
    }

    public Video video() {
        return video;
    }

    public FileKind kind() {
        return kind;
    }

    public int resolution() {
        return resolution;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public float fps() {
        return fps;
    }

    public long bitrate() {
        return bitrate;
    }

    public long size() {
        return size;
    }

    public String filename() {
        return filename;
    }

    public String torrentFilename() {
        return torrentFilename;
    }

    public String infoHash() {
        return infoHash;
    }

    public boolean hasAudio() {
        return hasAudio;
    }

    public boolean hasVideo() {
        return hasVideo;
    }

    public String codecs() {
        return codecs;
    }

    /** ffprobe's JSON of the file, or null for files made before it was kept. */
    public String metadata() {
        return metadata;
    }
}
