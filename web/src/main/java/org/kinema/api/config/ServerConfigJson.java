package org.kinema.api.config;

import org.kinema.instance.InstanceSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PeerTube's {@code ServerConfig} and {@code ServerConfigAbout}. PeerTube clients read many keys
 * without checking for their presence, so every section they know is sent, with Kinema's real
 * values where it has them and "off" where it has no such feature.
 */
final class ServerConfigJson {

    /** The API version Kinema speaks. */
    static final String SERVER_VERSION = "7.0.0";
    static final List<Integer> RESOLUTIONS = List.of(144, 240, 360, 480, 720, 1080, 1440, 2160);
    private static final List<String> IMAGE_EXTENSIONS = List.of(".png", ".jpeg", ".jpg", ".gif", ".webp");
    private static final List<String> VIDEO_EXTENSIONS = List.of(".mp4", ".ogv", ".webm", ".flv", ".mov", ".avi",
            ".mkv", ".m4v", ".mpeg", ".mpg", ".3gp", ".ts", ".mts", ".m2ts", ".mp3", ".ogg", ".wav", ".flac", ".m4a",
            ".aac", ".opus");

    private ServerConfigJson() {
    }

    static Map<String, Object> of(InstanceSettings settings) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("instance", map(
                "name", settings.name(),
                "shortDescription", settings.shortDescription(),
                "defaultClientRoute", "/videos/browse",
                "isNSFW", false,
                "defaultNSFWPolicy", "blur",
                "defaultLanguage", "en",
                "serverCountry", "",
                "support", map("text", ""),
                "social", map("externalLink", "", "mastodonLink", "", "blueskyLink", "", "xLink", ""),
                "customizations", map("javascript", "", "css", ""),
                "avatars", List.of(),
                "banners", List.of(),
                "logo", List.of()));
        config.put("serverVersion", SERVER_VERSION);
        config.put("serverCommit", BuildInfo.commit());
        config.put("search", map(
                "remoteUri", map("users", true, "anonymous", false),
                "searchIndex", map("enabled", false, "url", "", "disableLocalSearch", false, "isDefaultSearch", false)));
        config.put("plugin", map("registered", List.of(), "registeredExternalAuths", List.of(),
                "registeredIdAndPassAuths", List.of()));
        config.put("theme", map("registered", List.of(), "builtIn", List.of(map("name", "peertube-core-light-beige")),
                "default", "default"));
        config.put("email", map("enabled", false));
        config.put("contactForm", map("enabled", false));
        config.put("signup", map(
                "allowed", settings.signupEnabled(),
                "allowedForCurrentIP", settings.signupEnabled(),
                "requiresEmailVerification", settings.signupRequiresEmailVerification(),
                "requiresApproval", false,
                "minimumAge", 16));
        config.put("transcoding", map(
                "hls", map("enabled", true),
                "web_videos", map("enabled", false),
                "enabledResolutions", RESOLUTIONS,
                "profile", "default",
                "availableProfiles", List.of("default"),
                "remoteRunners", map("enabled", false)));
        config.put("live", map("enabled", false, "allowReplay", false, "latencySetting", map("enabled", false),
                "maxDuration", -1, "maxInstanceLives", 0, "maxUserLives", 0,
                "transcoding", map("enabled", false, "remoteRunners", map("enabled", false), "enabledResolutions", List.of(),
                        "profile", "default", "availableProfiles", List.of("default")),
                "rtmp", map("port", 1935)));
        config.put("videoStudio", map("enabled", false, "remoteRunners", map("enabled", false)));
        config.put("videoFile", map("update", map("enabled", false)));
        config.put("videoTranscription", map("enabled", false, "remoteRunners", map("enabled", false)));
        config.put("storyboards", map("enabled", false, "remoteRunners", map("enabled", false)));
        config.put("import", map(
                "videos", map("http", map("enabled", false), "torrent", map("enabled", false)),
                "videoChannelSynchronization", map("enabled", false),
                "users", map("enabled", false)));
        config.put("export", map("users", map("enabled", false, "exportExpiration", 0, "maxUserVideoQuota", 0)));
        config.put("autoBlacklist", map("videos", map("ofUsers", map("enabled", false))));
        config.put("avatar", map("file", map("size", map("max", 4 * 1024 * 1024), "extensions", IMAGE_EXTENSIONS),
                "extensions", IMAGE_EXTENSIONS));
        config.put("banner", map("file", map("size", map("max", 4 * 1024 * 1024), "extensions", IMAGE_EXTENSIONS),
                "extensions", IMAGE_EXTENSIONS));
        config.put("video", map(
                "image", map("extensions", IMAGE_EXTENSIONS, "size", map("max", 8 * 1024 * 1024)),
                "file", map("extensions", VIDEO_EXTENSIONS)));
        config.put("videoCaption", map("file", map("size", map("max", 20 * 1024 * 1024), "extensions", List.of(".vtt", ".srt"))));
        config.put("videoChannels", map("maxPerUser", org.kinema.channel.ChannelService.MAX_PER_USER));
        config.put("user", map("videoQuota", settings.defaultVideoQuota(), "videoQuotaDaily", settings.defaultVideoQuotaDaily()));
        config.put("trending", map("videos", map("intervalDays", 7,
                "algorithms", map("enabled", List.of("most-viewed"), "default", "most-viewed"))));
        config.put("tracker", map("enabled", true));
        config.put("followings", map("instance", map("autoFollowIndex", map("indexUrl", ""))));
        config.put("federation", map("enabled", true));
        config.put("homepage", map("enabled", false));
        config.put("broadcastMessage", map("enabled", false, "message", "", "level", "info", "dismissable", false));
        config.put("openTelemetry", map("metrics", map("enabled", false, "playbackStatsInterval", 15000)));
        config.put("views", map("videos", map("watchingInterval", map("anonymous", 5000, "users", 5000))));
        config.put("webadmin", map("configuration", map("edition", map("allowed", true))));
        config.put("client", map(
                "videos", map("miniature", map("preferAuthorDisplayName", false),
                        "resumableUpload", map("maxChunkSize", 100 * 1024 * 1024)),
                "menu", map("login", map("redirectOnSingleExternalAuth", false)),
                "header", map("hideInstanceName", false),
                "browseVideos", map("defaultSort", "-publishedAt", "defaultScope", "federated")));
        config.put("defaults", map(
                "publish", map("downloadEnabled", true, "commentsPolicy", 1, "privacy", 1, "licence", null),
                "p2p", map("webapp", map("enabled", settings.p2pEnabled()), "embed", map("enabled", settings.p2pEnabled())),
                "player", map("theme", "galaxy", "autoPlay", true)));
        return config;
    }

    static Map<String, Object> about(InstanceSettings settings) {
        return map("instance", map(
                "name", settings.name(),
                "shortDescription", settings.shortDescription(),
                "description", settings.description(),
                "terms", settings.terms(),
                "codeOfConduct", "",
                "hardwareInformation", "",
                "creationReason", "",
                "moderationInformation", "",
                "administrator", "",
                "maintenanceLifetime", "",
                "businessModel", "",
                "languages", List.of(),
                "categories", List.of(),
                "avatars", List.of(),
                "banners", List.of()));
    }

    /** An ordered map of key/value pairs (values may be null, unlike Map.of). */
    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
