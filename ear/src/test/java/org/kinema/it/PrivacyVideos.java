package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One published video of each privacy (1 public … 5 password protected), of one owner, uploaded
 * once for the whole run and never changed afterwards: a test that changes a video uploads its own.
 */
final class PrivacyVideos {

    static final int PUBLIC = 1;
    static final int UNLISTED = 2;
    static final int PRIVATE = 3;
    static final int INTERNAL = 4;
    static final int PASSWORD_PROTECTED = 5;
    /** The password of the password-protected video. */
    static final String PASSWORD = "open-sesame";

    private static PrivacyVideos shared;

    final String ownerName;
    final String ownerToken;
    private final Map<Integer, JsonNode> videos;

    private PrivacyVideos(String ownerName, String ownerToken, Map<Integer, JsonNode> videos) {
        this.ownerName = ownerName;
        this.ownerToken = ownerToken;
        this.videos = videos;
    }

    static synchronized PrivacyVideos shared(Api api) throws Exception {
        if (shared == null) {
            String owner = Fresh.name("lib");
            String token = api.newUser(owner, "secret-password");
            Map<Integer, String> uuids = new HashMap<>();
            for (int privacy = PUBLIC; privacy <= PASSWORD_PROTECTED; privacy++) {
                uuids.put(privacy, upload(api, token, privacy, "Privacy " + privacy));
            }
            Map<Integer, JsonNode> published = new HashMap<>();
            for (Map.Entry<Integer, String> video : uuids.entrySet()) {
                published.put(video.getKey(), Videos.awaitPublished(api, token, video.getValue()));
            }
            shared = new PrivacyVideos(owner, token, published);
        }
        return shared;
    }

    /** Uploads a short clip of the given privacy (with {@link #PASSWORD} when password protected); returns its UUID. */
    static String upload(Api api, String token, int privacy, String name) throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-3s-144p.mp4"), 3, 256, 144);
        Map<String, String> fields = new HashMap<>(Map.of("privacy", String.valueOf(privacy), "name", name));
        if (privacy == PASSWORD_PROTECTED) {
            fields.put("videoPasswords[0]", PASSWORD);
        }
        return Videos.uploaded(api, token, clip, fields);
    }

    String uuid(int privacy) {
        return videos.get(privacy).path("uuid").asText();
    }

    long id(int privacy) {
        return videos.get(privacy).path("id").asLong();
    }
}
