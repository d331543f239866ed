package org.kinema.transcoding;

import java.nio.file.Path;
import java.util.UUID;

/**
 * What a transcoding job needs to know of its video; {@code watchable} if it already has streams
 * to be watched (an earlier transcoding's, or those of a job that stopped while encoding), which
 * stay until this job's are complete.
 */
public record TranscodeTask(TranscodeClaim claim, UUID uuid, Path original, boolean customThumbnail,
                            boolean customPreview, boolean watchable) {
}
