package org.kinema.video;

import java.util.List;

/**
 * What an uploader says about a new video, as PeerTube's upload takes it. Null fields take
 * PeerTube's defaults (public, comments and downloads enabled, wait for transcoding). The comments
 * policy is PeerTube's number (1 enabled, 2 disabled, 3 requires approval); the passwords of a
 * password-protected video are null when not given.
 */
public record VideoDraft(Long channelId, String name, Integer privacy, Integer category, Integer licence,
                         String language, String description, String support, List<String> tags, Boolean nsfw,
                         Integer commentsPolicy, Boolean downloadEnabled, Boolean waitTranscoding,
                         List<String> passwords) {

    public VideoDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
        passwords = passwords == null ? null : List.copyOf(passwords);
    }
}
