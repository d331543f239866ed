package org.kinema.janitor;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.kinema.media.MediaStore;
import org.kinema.platform.KinemaSettings;
import org.kinema.transcoding.TranscodingService;
import org.kinema.video.UploadSessionRepository;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One pass of the janitor, each part in a transaction of its own that holds the cluster-wide lock. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JanitorPass {

    static final int DELETIONS_PER_PASS = 500;
    /** A replaced transcoding's streams stay this long for the players that are fetching them. */
    static final Duration REPLACED_STREAMS_GRACE = Duration.ofSeconds(20);
    /** Files in the upload folder without an upload are left this long (an upload being opened). */
    static final Duration ORPHAN_UPLOAD_AGE = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(JanitorPass.class.getName());

    @Inject
    private JanitorRepository repository;

    @Inject
    private UploadSessionRepository uploads;

    @Inject
    private TranscodingService transcoding;

    @Inject
    private MediaStore store;

    @Inject
    private KinemaSettings settings;

    /** Deletes the files whose deletion was recorded with a committed change. */
    public void deleteRecordedFiles() {
        if (!repository.lock()) {
            return;
        }
        List<JanitorRepository.Deletion> deletions = repository.waitingDeletions(DELETIONS_PER_PASS,
                REPLACED_STREAMS_GRACE);
        for (JanitorRepository.Deletion deletion : deletions) {
            try {
                store.delete(deletion.kind(), deletion.name());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not delete " + deletion.kind() + " " + deletion.name()
                        + " from the media store; remove it by hand", e);
            }
        }
        repository.done(deletions);
    }

    /** Forgets uploads abandoned half-way, and removes the folders of jobs whose claim is gone. */
    public void sweepAbandonedWork() {
        if (!repository.lock()) {
            return;
        }
        int expired = uploads.removeStartedBefore(OffsetDateTime.now(ZoneOffset.UTC).minus(settings.uploadExpiry()));
        if (expired > 0) {
            LOG.info(() -> expired + " upload(s) abandoned for more than " + settings.uploadExpiry().toHours() + " h removed");
        }
        try {
            sweep(store.uploadsDir(), ORPHAN_UPLOAD_AGE, name -> !repository.uploadSessionExists(name));
            sweep(store.workRoot(), settings.transcodingLease().multipliedBy(2), name -> !transcoding.isLiveClaim(name));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not sweep the media store's work folders", e);
        }
    }

    private static void sweep(Path dir, Duration minimumAge, java.util.function.Predicate<String> abandoned)
            throws IOException {
        Instant before = Instant.now().minus(minimumAge);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.getLastModifiedTime(entry).toInstant().isBefore(before) && abandoned.test(name)) {
                    LOG.info(() -> "Removing abandoned " + entry);
                    MediaStore.deleteRecursively(entry);
                }
            }
        }
    }
}
