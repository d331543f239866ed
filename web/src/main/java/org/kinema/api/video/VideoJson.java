package org.kinema.api.video;

import org.kinema.account.Account;
import org.kinema.actor.Actor;
import org.kinema.api.actor.AccountJson;
import org.kinema.api.actor.ChannelJson;
import org.kinema.channel.VideoChannel;
import org.kinema.video.FileKind;
import org.kinema.video.Video;
import org.kinema.video.VideoConstants;
import org.kinema.video.VideoDetails;
import org.kinema.video.VideoFile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PeerTube's {@code Video} (in lists) and {@code VideoDetails}, built as ordered maps because
 * the two shapes share most keys and details add to them. URLs follow PeerTube's public paths.
 */
public final class VideoJson {

    private final String publicUrl;
    private final String host;
    private final List<String> trackers;

    public VideoJson(String publicUrl, String host, List<String> trackers) {
        this.publicUrl = publicUrl;
        this.host = host;
        this.trackers = trackers;
    }

    public Map<String, Object> summary(Video video) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", video.id());
        json.put("uuid", video.uuid().toString());
        json.put("shortUUID", video.shortUuid());
        json.put("isLive", false);
        json.put("createdAt", video.createdAt());
        json.put("publishedAt", video.publishedAt() == null ? video.createdAt() : video.publishedAt());
        json.put("updatedAt", video.updatedAt());
        json.put("originallyPublishedAt", null);
        json.put("category", constant(video.category(), label(VideoConstants.CATEGORIES, video.category())));
        json.put("licence", constant(video.licence(), label(VideoConstants.LICENCES, video.licence())));
        json.put("language", constant(video.language(), label(VideoConstants.LANGUAGES, video.language())));
        json.put("privacy", Map.of("id", video.privacy().id(), "label", video.privacy().label()));
        json.put("description", truncated(video.description()));
        json.put("truncatedDescription", truncated(video.description()));
        json.put("duration", video.duration());
        json.put("aspectRatio", video.aspectRatio());
        json.put("isLocal", video.channel().actor().isLocal());
        json.put("name", video.name());
        json.put("thumbnailPath", "/lazy-static/thumbnails/" + video.uuid() + ".jpg");
        json.put("previewPath", "/lazy-static/previews/" + video.uuid() + ".jpg");
        json.put("embedPath", "/videos/embed/" + video.uuid());
        json.put("url", video.isRemote() ? video.remoteUrl() : publicUrl + "/videos/watch/" + video.uuid());
        json.put("views", video.views());
        json.put("viewers", 0);
        json.put("likes", video.likes());
        json.put("dislikes", video.dislikes());
        json.put("nsfw", video.nsfw());
        json.put("waitTranscoding", video.waitTranscoding());
        json.put("state", Map.of("id", video.state().id(), "label", video.state().label()));
        json.put("transcodingProgress", video.transcodingProgress());
        json.put("transcodingError", video.failureReason());
        json.put("scheduledUpdate", null);
        json.put("blacklisted", false);
        json.put("blacklistedReason", null);
        json.put("account", actorSummary(video.channel().account().actor(), video.channel().account().displayName(),
                video.channel().account().id()));
        json.put("channel", actorSummary(video.channel().actor(), video.channel().displayName(), video.channel().id()));
        return json;
    }

    public Map<String, Object> details(VideoDetails details) {
        Video video = details.video();
        Map<String, Object> json = summary(video);
        VideoChannel channel = video.channel();
        Account account = channel.account();
        json.put("description", video.description());
        json.put("support", video.support());
        json.put("channel", ChannelJson.of(channel, host));
        json.put("account", AccountJson.of(account, host));
        json.put("tags", details.tags());
        json.put("commentsEnabled", video.commentsEnabled());
        json.put("commentsPolicy", Map.of("id", video.commentsPolicy().id(), "label", video.commentsPolicy().label()));
        json.put("downloadEnabled", video.downloadEnabled());
        json.put("inputFileUpdatedAt", null);
        json.put("trackerUrls", trackers);
        boolean published = video.isPublished();
        List<Map<String, Object>> webFiles = new ArrayList<>();
        List<Map<String, Object>> hlsFiles = new ArrayList<>();
        for (VideoFile file : details.files()) {
            if (file.remoteUrl() != null) {
                // a remote video's files play from its origin
                (file.kind() == FileKind.HLS ? hlsFiles : webFiles).add(file(video, file, file.remoteUrl(), file.remoteUrl()));
            } else if (file.kind() == FileKind.HLS && published && !video.isEncoding()) {
                // (not while encoding: the renditions grow and have no torrent yet; the playlist is all there is)
                hlsFiles.add(file(video, file, hlsUrl(video) + file.filename(),
                        publicUrl + "/download/streaming-playlists/hls/" + video.uuid() + "/" + file.filename()));
            } else if (file.kind() == FileKind.WEB && published) {
                webFiles.add(file(video, file, publicUrl + "/static/web-videos/" + file.filename(),
                        publicUrl + "/download/web-videos/" + file.filename()));
            } else if (file.kind() == FileKind.ORIGINAL && (!published || video.isEncoding())) {
                // until its streams are complete, its owner sees the file they sent, at its private address and
                // without a torrent (an original is never seeded), as PeerTube clients waiting for a torrent expect
                String original = publicUrl + "/download/original-video-files/" + file.filename();
                webFiles.add(file(video, file, original, original));
            }
        }
        json.put("files", webFiles);
        List<Map<String, Object>> playlists = new ArrayList<>();
        if (published && (video.hlsPrefix() != null || video.remotePlaylistUrl() != null)) {
            Map<String, Object> hls = new LinkedHashMap<>();
            hls.put("id", video.id());
            hls.put("type", 1);
            hls.put("playlistUrl", video.isRemote() ? video.remotePlaylistUrl() : hlsUrl(video) + video.hlsPrefix() + "-master.m3u8");
            hls.put("segmentsSha256Url", video.isRemote() ? video.remoteSegmentsUrl()
                    : hlsUrl(video) + video.hlsPrefix() + "-segments-sha256.json");
            hls.put("files", hlsFiles);
            hls.put("redundancies", List.of());
            playlists.add(hls);
        }
        json.put("streamingPlaylists", playlists);
        return json;
    }

    /** A video as shown to a viewer who watched it: PeerTube's {@code userHistory}, where they stopped. */
    public Map<String, Object> withHistory(Map<String, Object> json, int currentTime) {
        json.put("userHistory", Map.of("currentTime", currentTime));
        return json;
    }

    private String hlsUrl(Video video) {
        return publicUrl + "/static/streaming-playlists/hls/" + video.uuid() + "/";
    }

    private Map<String, Object> file(Video video, VideoFile file, String fileUrl, String downloadUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", file.id());
        json.put("resolution", Map.of("id", file.resolution(), "label", file.resolution() == 0 ? "Audio" : file.resolution() + "p"));
        json.put("size", file.size());
        json.put("fps", file.fps());
        json.put("width", file.width());
        json.put("height", file.height());
        json.put("hasAudio", file.hasAudio());
        json.put("hasVideo", file.hasVideo());
        json.put("storage", 0);
        json.put("fileUrl", fileUrl);
        json.put("fileDownloadUrl", downloadUrl);
        String torrentUrl = file.torrentFilename() == null ? null : publicUrl + "/lazy-static/torrents/" + file.torrentFilename();
        json.put("torrentUrl", torrentUrl);
        json.put("torrentDownloadUrl", file.torrentFilename() == null ? null : publicUrl + "/download/torrents/" + file.torrentFilename());
        json.put("magnetUri", file.infoHash() == null ? null : magnet(file, video.name(), torrentUrl, fileUrl));
        json.put("metadataUrl", file.kind() == FileKind.ORIGINAL ? null
                : publicUrl + "/api/v1/videos/" + video.uuid() + "/metadata/" + file.id());
        return json;
    }

    private String magnet(VideoFile file, String name, String torrentUrl, String fileUrl) {
        StringBuilder magnet = new StringBuilder("magnet:?xs=").append(encode(torrentUrl))
                .append("&xt=urn:btih:").append(file.infoHash())
                .append("&dn=").append(encode(name));
        trackers.forEach(tracker -> magnet.append("&tr=").append(encode(tracker)));
        magnet.append("&ws=").append(encode(fileUrl));
        return magnet.toString();
    }

    private Map<String, Object> actorSummary(Actor actor, String displayName, long id) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", actor.preferredUsername());
        json.put("displayName", displayName);
        json.put("url", actor.url());
        json.put("host", AccountJson.hostOf(actor, host));
        json.put("avatars", List.of());
        return json;
    }

    private static <K> String label(Map<K, String> constants, K id) {
        return id == null ? null : constants.get(id);
    }

    private static Map<String, Object> constant(Object id, String label) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("label", label == null ? "Unknown" : label);
        return json;
    }

    private static String truncated(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 250 ? text : text.substring(0, 247) + "...";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
