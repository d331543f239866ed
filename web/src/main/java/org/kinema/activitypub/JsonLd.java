package org.kinema.activitypub;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON-LD contexts PeerTube writes, so that PeerTube reads Kinema's terms as its own. */
final class JsonLd {

    static final String ACTIVITY_STREAMS = "https://www.w3.org/ns/activitystreams";
    static final String PUBLIC = ACTIVITY_STREAMS + "#Public";
    private static final String SECURITY = "https://w3id.org/security/v1";
    private static final Map<String, Object> SIGNATURE = Map.of("RsaSignature2017", "https://w3id.org/security#RsaSignature2017");

    /** For activities and collections. */
    static final List<Object> ACTIVITY = List.of(ACTIVITY_STREAMS, SECURITY, SIGNATURE);

    /** For actors: PeerTube's playlists and support, and what Lemmy reads of groups. */
    static final List<Object> ACTOR = List.of(ACTIVITY_STREAMS, SECURITY, SIGNATURE, terms(
            "pt", "https://joinpeertube.org/ns#",
            "sc", "http://schema.org/",
            "playlists", typed("pt:playlists", "@id"),
            "support", typed("pt:support", "sc:Text"),
            "lemmy", "https://join-lemmy.org/ns#",
            "postingRestrictedToMods", "lemmy:postingRestrictedToMods",
            "icons", "as:icon"));

    /** For videos: PeerTube's video terms. */
    static final List<Object> VIDEO = List.of(ACTIVITY_STREAMS, SECURITY, SIGNATURE, terms(
            "pt", "https://joinpeertube.org/ns#",
            "sc", "http://schema.org/",
            "Hashtag", "as:Hashtag",
            "category", "sc:category",
            "licence", "sc:license",
            "subtitleLanguage", "sc:subtitleLanguage",
            "automaticallyGenerated", "pt:automaticallyGenerated",
            "sensitive", "as:sensitive",
            "language", "sc:inLanguage",
            "identifier", "sc:identifier",
            "isLiveBroadcast", "sc:isLiveBroadcast",
            "liveSaveReplay", typed("pt:liveSaveReplay", "sc:Boolean"),
            "permanentLive", typed("pt:permanentLive", "sc:Boolean"),
            "latencyMode", typed("pt:latencyMode", "sc:Number"),
            "Infohash", "pt:Infohash",
            "tileWidth", typed("pt:tileWidth", "sc:Number"),
            "tileHeight", typed("pt:tileHeight", "sc:Number"),
            "tileDuration", typed("pt:tileDuration", "sc:Number"),
            "aspectRatio", typed("pt:aspectRatio", "sc:Float"),
            "uuid", typed("pt:uuid", "sc:identifier"),
            "originallyPublishedAt", "sc:datePublished",
            "uploadDate", "sc:uploadDate",
            "hasParts", "sc:hasParts",
            "views", typed("pt:views", "sc:Number"),
            "state", typed("pt:state", "sc:Number"),
            "size", typed("pt:size", "sc:Number"),
            "fps", typed("pt:fps", "sc:Number"),
            "commentsEnabled", typed("pt:commentsEnabled", "sc:Boolean"),
            "canReply", "pt:canReply",
            "commentsPolicy", typed("pt:commentsPolicy", "sc:Number"),
            "downloadEnabled", typed("pt:downloadEnabled", "sc:Boolean"),
            "waitTranscoding", typed("pt:waitTranscoding", "sc:Boolean"),
            "support", typed("pt:support", "sc:Text"),
            "likes", typed("as:likes", "@id"),
            "dislikes", typed("as:dislikes", "@id"),
            "shares", typed("as:shares", "@id"),
            "comments", typed("as:comments", "@id"),
            "PropertyValue", "sc:PropertyValue",
            "value", "sc:value"));

    private JsonLd() {
    }

    /** A term defined with its id and type ({@code @id} for a term whose value is a link). */
    private static Map<String, Object> typed(String id, String type) {
        Map<String, Object> term = new LinkedHashMap<>();
        term.put("@type", type);
        term.put("@id", id);
        return term;
    }

    private static Map<String, Object> terms(Object... namesAndDefinitions) {
        Map<String, Object> terms = new LinkedHashMap<>();
        for (int i = 0; i < namesAndDefinitions.length; i += 2) {
            terms.put((String) namesAndDefinitions[i], namesAndDefinitions[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(terms);
    }
}
