package org.kinema.rating;

/** What happens to ratings, announced as CDI events (federation will send them). */
public final class RatingEvents {

    private RatingEvents() {
    }

    /** An account's rating of a video changed from one type to another (NONE: no rating). */
    public record Rated(long videoId, long accountId, RatingType before, RatingType after) {
    }
}
