package org.kinema.activitypub;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An actor as PeerTube writes and reads it: a Person (an account), a Group (a channel, with the
 * Person it belongs to in {@code attributedTo}) or the Application (the instance). Read from other
 * servers too, where only the fields this instance keeps matter.
 */
@JsonPropertyOrder({"@context", "type", "id", "following", "followers", "playlists", "inbox", "outbox", "preferredUsername",
        "url", "name", "endpoints", "publicKey", "published", "summary", "support", "attributedTo", "icon"})
public record ActorDocument(@JsonProperty("@context") Object context, String type, String id, String following,
                            String followers, String playlists, String inbox, String outbox, String preferredUsername,
                            String url, String name, Endpoints endpoints, PublicKey publicKey, OffsetDateTime published,
                            String summary,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String support,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<Reference> attributedTo,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<Image> icon) {

    /** Where other servers deliver to everyone on this instance at once. */
    public record Endpoints(String sharedInbox) {
    }

    /** The key that checks the actor's signatures. */
    public record PublicKey(String id, String owner, String publicKeyPem) {
    }

    /** Another actor named by type and id. */
    public record Reference(String type, String id) {
    }

    /** An image: an avatar or banner here, a thumbnail in a video. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Image(String type, String url, String mediaType, Integer width, Integer height) {
    }
}
