package org.kinema.transcoding;

import java.nio.file.Path;
import java.util.UUID;

/** What a transcoding job needs to know of its video. */
public record TranscodeTask(TranscodeClaim claim, UUID uuid, Path original, boolean customThumbnail,
                            boolean customPreview) {
}
