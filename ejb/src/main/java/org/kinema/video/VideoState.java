package org.kinema.video;

/** PeerTube's video states (the subset Kinema uses), with their numbers and labels. */
public enum VideoState {
    PUBLISHED(1, "Published"),
    TO_TRANSCODE(2, "To transcode"),
    TRANSCODING_FAILED(7, "Transcoding failed");

    private final int id;
    private final String label;

    VideoState(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public int id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static VideoState of(int id) {
        for (VideoState state : values()) {
            if (state.id == id) {
                return state;
            }
        }
        throw new IllegalStateException("Unknown video state " + id);
    }
}
