package org.kinema.video;

/** A number of views of one video, counted together. */
public record ViewsOfVideo(long videoId, long views) {
}
