package org.kinema.activitypub;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * An activity as an outbox lists it: an Announce whose object is a video's URL, or a Create whose
 * object is the whole Video.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"@context", "to", "cc", "type", "id", "actor", "object"})
public record ActivityDocument(@JsonProperty("@context") Object context, List<String> to, List<String> cc, String type,
                               String id, String actor, Object object) {
}
