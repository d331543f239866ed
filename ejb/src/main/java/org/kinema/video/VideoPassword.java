package org.kinema.video;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.kinema.platform.DomainException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;

/** One of the passwords that open a password-protected video (PeerTube's {@code VideoPassword}). */
@Entity
@Table(name = "video_password")
public class VideoPassword {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 100;
    /** A video takes this many passwords at most. */
    public static final int MAX_PER_VIDEO = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "video_id", nullable = false)
    private Video video;

    @Column(nullable = false)
    private String password;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected VideoPassword() {
    }

    private VideoPassword(Video video, String password) {
        this.video = video;
        this.password = password;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The passwords a video is given, checked. */
    public static List<VideoPassword> of(Video video, List<String> passwords) {
        check(passwords);
        return passwords.stream().map(password -> new VideoPassword(video, password)).toList();
    }

    /** Checks passwords as PeerTube does: 2 to 100 characters, no two alike, at least one. */
    public static void check(List<String> passwords) {
        if (passwords == null || passwords.isEmpty()) {
            throw DomainException.invalid("A password protected video needs at least one password");
        }
        if (passwords.size() > MAX_PER_VIDEO) {
            throw DomainException.invalid("A video has at most " + MAX_PER_VIDEO + " passwords");
        }
        if (new LinkedHashSet<>(passwords).size() != passwords.size()) {
            throw DomainException.invalid("Video passwords must be different from each other");
        }
        for (String password : passwords) {
            if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
                throw DomainException.invalid("A video password is " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
            }
        }
    }

    /** Whether the given password is this one (in constant time). */
    public boolean opens(String given) {
        return given != null && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    public Long id() {
        return id;
    }

    public Video video() {
        return video;
    }

    public String password() {
        return password;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
