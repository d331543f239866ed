package org.kinema.activitypub;

import org.kinema.account.Account;
import org.kinema.actor.Actor;
import org.kinema.channel.VideoChannel;
import org.kinema.federation.FederationService.FederatedVideo;
import org.kinema.media.MediaConversions;
import org.kinema.video.FileKind;
import org.kinema.video.Privacy;
import org.kinema.video.Video;
import org.kinema.video.VideoConstants;
import org.kinema.video.VideoFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the ActivityPub documents of this instance's actors, videos and activities from the
 * domain, in PeerTube's shapes. The wire format lives here and in the document records only.
 */
final class DocumentMapper {

    private static final String JPEG = "image/jpeg";
    private static final String MP4 = "video/mp4";

    private final String publicUrl;
    private final List<String> trackers;

    DocumentMapper(String publicUrl, List<String> trackers) {
        this.publicUrl = publicUrl;
        this.trackers = trackers;
    }

    ActorDocument person(Account account) {
        return actor(account.actor(), account.displayName(), account.description(), null, null);
    }

    ActorDocument group(VideoChannel channel) {
        return actor(channel.actor(), channel.displayName(), channel.description(), channel.support(),
                List.of(reference(channel.account().actor())));
    }

    /** The instance's own actor: PeerTube names it and shows it as its name too. */
    ActorDocument application(Actor actor) {
        return actor(actor, actor.preferredUsername(), null, null, null);
    }

    private ActorDocument actor(Actor actor, String name, String summary, String support,
                                List<ActorDocument.Reference> attributedTo) {
        Actor.Endpoints endpoints = actor.endpoints();
        return new ActorDocument(JsonLd.ACTOR, actor.type().name(), actor.url(), endpoints.following(), endpoints.followers(),
                actor.url() + "/playlists", endpoints.inbox(), endpoints.outbox(), actor.preferredUsername(), actor.url(), name,
                new ActorDocument.Endpoints(endpoints.sharedInbox()),
                new ActorDocument.PublicKey(actor.url() + "#main-key", actor.url(), actor.publicKey()), actor.createdAt(),
                summary, support, attributedTo, null);
    }

    private static ActorDocument.Reference reference(Actor actor) {
        return new ActorDocument.Reference(actor.type().name(), actor.url());
    }

    /** The URL of a video of this instance: its watch page, which is also its ActivityPub id. */
    String videoUrl(Video video) {
        return publicUrl + "/videos/watch/" + video.uuid();
    }

    VideoObject video(FederatedVideo federated, boolean withContext) {
        Video video = federated.video();
        String id = videoUrl(video);
        Actor account = video.channel().account().actor();
        List<String> followers = List.of(account.endpoints().followers());
        boolean listed = video.privacy() == Privacy.PUBLIC;
        return new VideoObject(withContext ? JsonLd.VIDEO : null,
                listed ? List.of(JsonLd.PUBLIC) : followers,
                listed ? followers : List.of(JsonLd.PUBLIC),
                "Video", id, video.name(), "PT" + video.duration() + "S", video.uuid().toString(),
                constant(video.category(), VideoConstants.CATEGORIES),
                constant(video.licence(), VideoConstants.LICENCES),
                constant(video.language(), VideoConstants.LANGUAGES),
                video.views(), video.nsfw(), video.waitTranscoding(), video.state().id(), video.commentsEnabled(), null,
                video.commentsPolicy().id(), video.downloadEnabled(), video.publishedAt(), null, video.updatedAt(),
                video.tags().stream().map(tag -> new VideoObject.Hashtag("Hashtag", tag)).toList(),
                "text/markdown", video.description(), video.support(), List.of(), images(video), List.of(),
                video.aspectRatio(), links(video, federated.files(), id),
                id + "/likes", id + "/dislikes", id + "/announces", id + "/comments",
                List.of(reference(account), reference(video.channel().actor())), false, null, null, null);
    }

    private List<ActorDocument.Image> images(Video video) {
        return List.of(
                new ActorDocument.Image("Image", publicUrl + "/lazy-static/thumbnails/" + video.uuid() + ".jpg", JPEG,
                        MediaConversions.THUMBNAIL_WIDTH, null),
                new ActorDocument.Image("Image", publicUrl + "/lazy-static/previews/" + video.uuid() + ".jpg", JPEG,
                        MediaConversions.PREVIEW_WIDTH, null));
    }

    /**
     * The video's links: its page, its files, its HLS playlist with the segments' hash map and the
     * renditions' files, the trackers. While its ladder is encoded the playlist is listed with its
     * hash map and no file (its files grow; an Update brings them, with their torrents).
     */
    private List<VideoObject.Link> links(Video video, List<VideoFile> all, String id) {
        List<VideoFile> files = video.isEncoding() ? List.of() : all;
        List<VideoObject.Link> links = new ArrayList<>();
        links.add(VideoObject.Link.to("text/html", id));
        for (VideoFile file : files) {
            if (file.kind() == FileKind.WEB) {
                links.addAll(fileLinks(video, file, publicUrl + "/static/web-videos/" + file.filename(), "web-video"));
            }
        }
        if (video.hlsPrefix() != null) {
            String hls = publicUrl + "/static/streaming-playlists/hls/" + video.uuid() + "/";
            List<VideoObject.Link> tags = new ArrayList<>();
            files.stream().filter(file -> file.kind() == FileKind.HLS && file.infoHash() != null)
                    .forEach(file -> tags.add(new VideoObject.Link("Infohash", file.infoHash(), null, null, null, null, null,
                            null, null, null, null)));
            tags.add(new VideoObject.Link("Link", "sha256", null, "application/json",
                    hls + video.hlsPrefix() + "-segments-sha256.json", null, null, null, null, null, null));
            for (VideoFile file : files) {
                if (file.kind() == FileKind.HLS) {
                    tags.addAll(fileLinks(video, file, hls + file.filename(), "fragmented"));
                }
            }
            links.add(new VideoObject.Link("Link", null, null, "application/x-mpegURL", hls + video.hlsPrefix() + "-master.m3u8",
                    null, null, null, null, tags, null));
        }
        links.add(new VideoObject.Link("Link", "tracker-http", List.of("tracker", "http"), null, trackers.get(1), null, null,
                null, null, null, null));
        links.add(new VideoObject.Link("Link", "tracker-websocket", List.of("tracker", "websocket"), null, trackers.get(0), null,
                null, null, null, null, null));
        return links;
    }

    /** A file's link with what ffprobe found in it, its metadata and its torrent. */
    private List<VideoObject.Link> fileLinks(Video video, VideoFile file, String href, String format) {
        List<VideoObject.PropertyValue> streams = new ArrayList<>();
        if (file.hasAudio()) {
            streams.add(new VideoObject.PropertyValue("PropertyValue", "ffprobe_codec_type", "audio"));
        }
        if (file.hasVideo()) {
            streams.add(new VideoObject.PropertyValue("PropertyValue", "ffprobe_codec_type", "video"));
        }
        streams.add(new VideoObject.PropertyValue("PropertyValue", "peertube_format_flag", format));
        int fps = Math.round(file.fps());
        List<VideoObject.Link> links = new ArrayList<>();
        links.add(new VideoObject.Link("Link", null, null, MP4, href, file.height(), file.width(), file.size(), fps, null, streams));
        links.add(new VideoObject.Link("Link", null, List.of("metadata", MP4), "application/json",
                publicUrl + "/api/v1/videos/" + video.uuid() + "/metadata/" + file.id(), file.height(), file.width(), null, fps,
                null, null));
        if (file.torrentFilename() != null) {
            links.add(new VideoObject.Link("Link", null, null, "application/x-bittorrent",
                    publicUrl + "/lazy-static/torrents/" + file.torrentFilename(), file.height(), file.width(), null, fps, null,
                    null));
        }
        return links;
    }

    private static <K> VideoObject.Identified constant(K id, Map<K, String> labels) {
        return id == null ? null : new VideoObject.Identified(String.valueOf(id), labels.get(id));
    }

    /** What an actor's outbox lists for a video: the account created it; a channel or the instance announced it. */
    ActivityDocument outboxItem(Actor actor, FederatedVideo video) {
        String url = videoUrl(video.video());
        List<String> cc = List.of(actor.endpoints().followers());
        if (actor.type() == org.kinema.actor.ActorType.Person) {
            return new ActivityDocument(null, List.of(JsonLd.PUBLIC), cc, "Create", url + "/activity", actor.url(),
                    video(video, false));
        }
        return new ActivityDocument(null, List.of(JsonLd.PUBLIC), cc, "Announce", url + "/announces/" + actor.id(), actor.url(),
                url);
    }
}
