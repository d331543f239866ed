package org.kinema.federation;

/** An accepted activity a worker took for processing, with how many times it was taken (this one included). */
public record ClaimedActivity(long id, String type, String actorUrl, String body, int attempts) {
}
