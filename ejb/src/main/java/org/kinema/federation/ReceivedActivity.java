package org.kinema.federation;

/**
 * An activity an inbox accepted, its HTTP signature verified: who signed it, who it says did it,
 * which inbox took it, and the body as it came.
 */
public record ReceivedActivity(String activityId, String type, String actorUrl, String signerUrl, String inbox,
                               String body) {
}
