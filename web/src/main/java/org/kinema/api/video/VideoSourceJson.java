package org.kinema.api.video;

import org.kinema.video.Video;
import org.kinema.video.VideoFile;

import java.time.OffsetDateTime;
import java.util.Map;

/** PeerTube's {@code VideoSource}: the original file as uploaded, for its owner and administrators. */
public record VideoSourceJson(String filename, String inputFilename, String fileDownloadUrl,
                              Map<String, Object> resolution, long size, float fps, int width, int height,
                              OffsetDateTime createdAt) {

    static VideoSourceJson of(Video video, VideoFile original, String publicUrl) {
        String name = video.originalFilename() == null ? original.filename() : video.originalFilename();
        return new VideoSourceJson(name, name, publicUrl + "/download/original-video-files/" + original.filename(),
                Map.of("id", original.resolution(), "label", original.resolution() == 0 ? "Audio" : original.resolution() + "p"),
                original.size(), original.fps(), original.width(), original.height(), video.createdAt());
    }
}
