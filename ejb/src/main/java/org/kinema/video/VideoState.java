package org.kinema.video;

import org.kinema.platform.NumberedConstant;

/** PeerTube's video states (the subset Kinema uses), with their numbers and labels. */
public enum VideoState implements NumberedConstant {
    PUBLISHED(1, "Published"),
    TO_TRANSCODE(2, "To transcode"),
    TRANSCODING_FAILED(7, "Transcoding failed");

    private final int id;
    private final String label;

    VideoState(int id, String label) {
        this.id = id;
        this.label = label;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    public static VideoState of(int id) {
        return NumberedConstant.stored(VideoState.class, id);
    }
}
