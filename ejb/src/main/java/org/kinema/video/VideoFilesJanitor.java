package org.kinema.video;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.kinema.media.MediaStore;

import java.io.IOException;
import java.nio.file.Files;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Removes a deleted video's files, once its deletion is committed. */
@ApplicationScoped
public class VideoFilesJanitor {

    private static final Logger LOG = Logger.getLogger(VideoFilesJanitor.class.getName());

    @Inject
    private MediaStore store;

    void removeFiles(@Observes(during = TransactionPhase.AFTER_SUCCESS) VideoEvents.Deleted deleted) {
        try {
            MediaStore.deleteRecursively(store.hlsDir(deleted.uuid()));
            Files.deleteIfExists(store.thumbnail(deleted.uuid()));
            Files.deleteIfExists(store.preview(deleted.uuid()));
            for (String torrent : deleted.torrentFiles()) {
                Files.deleteIfExists(store.torrent(torrent));
            }
            for (String webVideo : deleted.webVideoFiles()) {
                Files.deleteIfExists(store.webVideo(webVideo));
            }
            if (deleted.originalFilename() != null) {
                Files.deleteIfExists(store.root().resolve("originals").resolve(deleted.originalFilename()));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove every file of deleted video " + deleted.uuid(), e);
        }
    }
}
