package org.kinema.activitypub;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A WebFinger answer (RFC 7033) as PeerTube gives it: the actor's id as alias and as self link. */
public record WebFingerJson(String subject, List<String> aliases, List<Link> links) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String rel, String type, String href, String template) {
    }
}
