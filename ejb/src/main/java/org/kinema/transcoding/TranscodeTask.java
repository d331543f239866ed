package org.kinema.transcoding;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * What a transcoding job needs to know of its video; {@code watchable} if it already has streams
 * to be watched (an earlier transcoding's, or those of a job that stopped while encoding), which
 * stay until this job's are complete; {@code stopped} the encode a job left when it stopped while
 * the video was watchable from it, for this job to take up where it ended.
 */
public record TranscodeTask(TranscodeClaim claim, UUID uuid, Path original, boolean customThumbnail,
                            boolean customPreview, boolean watchable, Optional<StoppedEncode> stopped) {

    /** The HLS folder of a stopped progressive encode and the prefix of its files. */
    public record StoppedEncode(Path hls, String prefix) {
    }
}
