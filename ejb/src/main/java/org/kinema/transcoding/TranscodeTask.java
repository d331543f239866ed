package org.kinema.transcoding;

import java.nio.file.Path;
import java.util.UUID;

/** What a transcoding job needs to know of its video. */
public record TranscodeTask(long videoId, UUID uuid, Path original, String originalFilename,
                            boolean customThumbnail, boolean customPreview) {
}
