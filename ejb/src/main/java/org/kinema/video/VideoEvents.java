package org.kinema.video;

import java.util.UUID;

/** What happens to videos, announced as CDI events for other features to react to. */
public final class VideoEvents {

    private VideoEvents() {
    }

    /** A video was uploaded and waits for transcoding. */
    public record Uploaded(long videoId) {
    }

    /** A video was published: its streams are ready to be watched. */
    public record Published(long videoId, UUID uuid) {
    }

    /** A video was deleted; its files are to be removed once the deletion is committed. */
    public record Deleted(UUID uuid, java.util.List<String> torrentFiles, java.util.List<String> webVideoFiles,
                          String originalFilename) {
    }
}
