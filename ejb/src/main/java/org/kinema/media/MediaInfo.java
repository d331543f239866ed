package org.kinema.media;

/**
 * What ffprobe says of a media file: its duration and its first video and audio streams.
 * Width and height are 0 for audio-only media.
 */
public record MediaInfo(double durationSeconds, boolean hasVideo, boolean hasAudio, int width, int height,
                        double fps, long bitrate, String videoCodec, String audioCodec) {

    /** The standard resolution name of the picture: its smaller side (1080 for 1920x1080 or 1080x1920). */
    public int resolution() {
        return hasVideo ? Math.min(width, height) : 0;
    }

    public Float aspectRatio() {
        return hasVideo && height > 0 ? (float) Math.round(width * 10_000.0 / height) / 10_000f : null;
    }
}
