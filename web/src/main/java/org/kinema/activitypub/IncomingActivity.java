package org.kinema.activitypub;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an inbox reads of an activity before it keeps it: its id, its type and its actor (a URL,
 * or an object with an id as some servers write it).
 */
public record IncomingActivity(String id, String type, JsonNode actor) {

    /** The actor's URL, or null when the activity names none. */
    String actorUrl() {
        if (actor == null) {
            return null;
        }
        if (actor.isTextual()) {
            return actor.asText();
        }
        JsonNode id = actor.get("id");
        return id != null && id.isTextual() ? id.asText() : null;
    }
}
