package org.kinema.video;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What another instance says of one of its videos, as much as this instance keeps: its
 * ActivityPub id, its description (in an uploader's words), and where it plays at the origin.
 */
public record RemoteVideo(String url, UUID uuid, VideoDraft description, int duration, Float aspectRatio, long views,
                          OffsetDateTime publishedAt, String playlistUrl, String segmentsUrl, String thumbnailUrl,
                          List<File> files) {

    public RemoteVideo {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** One of the video's files at the origin: an HLS rendition or a web video. */
    public record File(FileKind kind, int resolution, int width, int height, float fps, long size, String url) {
    }
}
