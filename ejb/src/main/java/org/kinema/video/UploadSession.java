package org.kinema.video;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * A resumable upload in progress: who uploads what, and how large it will be. The bytes received
 * so far are the file in the media store, so any node, after any restart, can take the next chunk.
 */
@Entity
@Table(name = "upload_session")
public class UploadSession {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(nullable = false)
    private String draft;

    @Column(nullable = false)
    private String filename;

    @Column(name = "file_size", nullable = false)
    private long fileSize;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected UploadSession() {
    }

    UploadSession(long userId, String draftJson, String filename, long fileSize) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        this.id = HexFormat.of().formatHex(bytes);
        this.userId = userId;
        this.draft = draftJson;
        this.filename = filename;
        this.fileSize = fileSize;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public boolean belongsTo(long candidateUserId) {
        return userId == candidateUserId;
    }

    public String id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public String draftJson() {
        return draft;
    }

    public String filename() {
        return filename;
    }

    public long fileSize() {
        return fileSize;
    }
}
