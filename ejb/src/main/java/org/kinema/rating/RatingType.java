package org.kinema.rating;

import org.kinema.platform.DomainException;

import java.util.Locale;

/** What an account thinks of a video, in PeerTube's words: {@code like}, {@code dislike}, or {@code none}. */
public enum RatingType {
    LIKE, DISLIKE, NONE;

    /** PeerTube's name: {@code like}, {@code dislike}, {@code none}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RatingType of(String label) {
        for (RatingType type : values()) {
            if (type.label().equals(label)) {
                return type;
            }
        }
        throw DomainException.invalid("rating must be like, dislike or none");
    }
}
