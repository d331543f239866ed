package org.kinema.transcoding;

import org.kinema.media.Part;

/** Where a part of a split transcoding stands: encoded (its output named), failed, or under way. */
public record PartState(Part part, int progress, String output, String encodedBy, String failure) {

    public boolean done() {
        return output != null;
    }

    /** Seconds of the source encoded so far, for the video's progress. */
    public double secondsDone() {
        return done() ? part.seconds() : part.seconds() * progress / 100.0;
    }
}
