package org.kinema.media;

/**
 * One rung of the ladder: a picture of {@code width}x{@code height} at a target video bitrate,
 * named by its standard resolution (0 for audio only).
 */
public record Rendition(int resolution, int width, int height, long videoBitrate) {

    public boolean audioOnly() {
        return resolution == 0;
    }
}
