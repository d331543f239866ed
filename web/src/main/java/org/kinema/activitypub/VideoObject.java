package org.kinema.activitypub;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A video as PeerTube writes and reads it (its {@code Video} object with PeerTube's terms): the
 * watch page, the HLS master playlist with its segment hashes and renditions, the web-video files,
 * thumbnails, who published it ([Person, Group]) and who may see it ({@code to}/{@code cc}).
 */
@JsonPropertyOrder({"@context", "to", "cc", "type", "id", "name", "duration", "uuid", "category", "licence", "language",
        "views", "sensitive", "waitTranscoding", "state", "commentsEnabled", "canReply", "commentsPolicy",
        "downloadEnabled", "published", "originallyPublishedAt", "updated", "tag", "mediaType", "content", "support",
        "subtitleLanguage", "icon", "preview", "aspectRatio", "url", "likes", "dislikes", "shares", "comments",
        "attributedTo", "isLiveBroadcast", "liveSaveReplay", "permanentLive", "latencyMode"})
public record VideoObject(@JsonProperty("@context") @JsonInclude(JsonInclude.Include.NON_NULL) Object context,
                          List<String> to, List<String> cc, String type, String id, String name, String duration,
                          String uuid,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Identified category,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Identified licence,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Identified language,
                          long views, boolean sensitive, boolean waitTranscoding, int state, boolean commentsEnabled,
                          String canReply, int commentsPolicy, boolean downloadEnabled, OffsetDateTime published,
                          OffsetDateTime originallyPublishedAt, OffsetDateTime updated, List<Hashtag> tag,
                          String mediaType, String content, String support, List<Identified> subtitleLanguage,
                          List<ActorDocument.Image> icon, List<Object> preview, Float aspectRatio, List<Link> url,
                          String likes, String dislikes, String shares, String comments,
                          List<ActorDocument.Reference> attributedTo, boolean isLiveBroadcast, Boolean liveSaveReplay,
                          Boolean permanentLive, Integer latencyMode) {

    /** A constant (category, licence, language) with its label, as PeerTube names it. */
    public record Identified(String identifier, String name) {
    }

    public record Hashtag(String type, String name) {
    }

    /** One of the video's links: a page, a file, a playlist, a torrent, a tracker, a hash list. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "name", "rel", "mediaType", "href", "height", "width", "size", "fps", "tag", "attachment"})
    public record Link(String type, String name, List<String> rel, String mediaType, String href, Integer height,
                       Integer width, Long size, Integer fps, List<Link> tag, List<PropertyValue> attachment) {

        static Link to(String mediaType, String href) {
            return new Link("Link", null, null, mediaType, href, null, null, null, null, null, null);
        }
    }

    /** What ffprobe said of a file, as PeerTube attaches it to the file's link. */
    public record PropertyValue(String type, String name, String value) {
    }
}
