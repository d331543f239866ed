package org.kinema.activitypub;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kinema.federation.FederationService;
import org.kinema.federation.InboxProcessing;
import org.kinema.video.FileKind;
import org.kinema.video.RemoteVideo;
import org.kinema.video.VideoConstants;
import org.kinema.video.VideoDraft;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads objects of other servers into the domain: actors (cached from their documents), videos
 * (fetched from their origin, signed, and kept with their channel and account), remote channels
 * named by handle. What a document says is taken as this instance can keep it (names, tags and
 * texts cut to its limits, unknown constants left out).
 */
@ApplicationScoped
public class RemoteObjects {

    @Inject
    private RemoteFetcher fetcher;

    @Inject
    private FederationService federation;

    @Inject
    private InboxProcessing processing;

    /** Reads an actor's document and caches what it says; the document. */
    public ActorDocument actor(String url) throws RemoteFetcher.Refused {
        ActorDocument document = fetcher.actor(url);
        if (document.publicKey() == null || document.publicKey().publicKeyPem() == null) {
            throw new RemoteFetcher.Refused("the actor " + url + " shows no key");
        }
        try {
            federation.cache(InboxReceiver.facts(document));
        } catch (IllegalArgumentException e) {
            throw new RemoteFetcher.Refused("the actor " + url + " cannot be kept: " + e.getMessage());
        }
        return document;
    }

    /** Whether a remote video is already kept. */
    public boolean knowsVideo(String url) {
        return processing.knowsVideo(url);
    }

    /**
     * Fetches a video from its origin and keeps it (or refreshes it), with its channel and account;
     * its ActivityPub id (which may differ from the URL asked, a short watch URL for instance).
     */
    public String video(String url) throws RemoteFetcher.Refused {
        VideoObject video = fetcher.video(url);
        if (!"Video".equals(video.type()) || video.attributedTo() == null) {
            throw new RemoteFetcher.Refused(url + " is not a video");
        }
        String channelUrl = null;
        String accountUrl = null;
        for (ActorDocument.Reference reference : video.attributedTo()) {
            if ("Group".equals(reference.type())) {
                channelUrl = reference.id();
            } else if ("Person".equals(reference.type())) {
                accountUrl = reference.id();
            }
        }
        if (channelUrl == null || accountUrl == null) {
            throw new RemoteFetcher.Refused("the video " + url + " names no Person and Group that published it");
        }
        ActorDocument channel = actor(channelUrl);
        ActorDocument account = actor(accountUrl);
        processing.keepVideo(channelUrl, channel.name(), accountUrl, account.name(), remoteVideo(video));
        return video.id();
    }

    /** The channel {@code name@host}, resolved by WebFinger and kept with its account; its ActivityPub id. */
    public String channel(String name, String host) throws RemoteFetcher.Refused {
        return channelAt(fetcher.webfinger(name, host));
    }

    /** The channel whose ActivityPub id is {@code url}, fetched and kept with its account; its id. */
    public String channelAt(String url) throws RemoteFetcher.Refused {
        ActorDocument channel = actor(url);
        if (!"Group".equals(channel.type())) {
            throw new RemoteFetcher.Refused(url + " is not a channel");
        }
        String accountUrl = channel.attributedTo() == null ? null : channel.attributedTo().stream()
                .filter(reference -> "Person".equals(reference.type())).map(ActorDocument.Reference::id).findFirst().orElse(null);
        if (accountUrl == null) {
            throw new RemoteFetcher.Refused("the channel " + url + " names no account");
        }
        ActorDocument account = actor(accountUrl);
        processing.keepChannel(url, channel.name(), accountUrl, account.name());
        return url;
    }

    /** The instance actor of a host, resolved by WebFinger and cached; its ActivityPub id. */
    public String instanceActor(String host) throws RemoteFetcher.Refused {
        String url = fetcher.webfinger("peertube", host);
        actor(url);
        return url;
    }

    /** What this instance keeps of a video document. */
    static RemoteVideo remoteVideo(VideoObject video) throws RemoteFetcher.Refused {
        UUID uuid;
        try {
            uuid = UUID.fromString(video.uuid());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RemoteFetcher.Refused("the video " + video.id() + " has no UUID");
        }
        boolean listed = video.to() != null && video.to().contains(JsonLd.PUBLIC);
        List<String> tags = video.tag() == null ? List.of() : video.tag().stream().map(VideoObject.Hashtag::name)
                .filter(tag -> tag != null && tag.length() >= 2 && tag.length() <= 30).distinct().limit(5).toList();
        VideoDraft description = new VideoDraft(null, name(video.name()), listed ? 1 : 2,
                constant(video.category(), VideoConstants.CATEGORIES.keySet()),
                constant(video.licence(), VideoConstants.LICENCES.keySet()),
                video.language() != null && VideoConstants.LANGUAGES.containsKey(video.language().identifier())
                        ? video.language().identifier() : null,
                cut(video.content(), 10_000), cut(video.support(), 1000), tags, video.sensitive(),
                video.commentsEnabled() ? 1 : 2, video.downloadEnabled(), video.waitTranscoding(), null);
        String playlist = null;
        String segments = null;
        List<RemoteVideo.File> files = new ArrayList<>();
        for (VideoObject.Link link : video.url() == null ? List.<VideoObject.Link>of() : video.url()) {
            if ("application/x-mpegURL".equals(link.mediaType()) && link.href() != null) {
                playlist = link.href();
                for (VideoObject.Link tag : link.tag() == null ? List.<VideoObject.Link>of() : link.tag()) {
                    if ("sha256".equals(tag.name()) && tag.href() != null) {
                        segments = tag.href();
                    } else if (isFile(tag)) {
                        files.add(file(FileKind.HLS, tag));
                    }
                }
            } else if (isFile(link) && (link.rel() == null || link.rel().isEmpty())) {
                files.add(file(FileKind.WEB, link));
            }
        }
        String thumbnail = video.icon() == null || video.icon().isEmpty() ? null : video.icon().get(0).url();
        return new RemoteVideo(video.id(), uuid, description, seconds(video.duration()), video.aspectRatio(), video.views(),
                video.published(), playlist, segments, thumbnail, files);
    }

    private static boolean isFile(VideoObject.Link link) {
        return "video/mp4".equals(link.mediaType()) && link.href() != null && (link.rel() == null || link.rel().isEmpty());
    }

    private static RemoteVideo.File file(FileKind kind, VideoObject.Link link) {
        int height = link.height() == null ? 0 : link.height();
        return new RemoteVideo.File(kind, height, link.width() == null ? 0 : link.width(), height,
                link.fps() == null ? 0 : link.fps(), link.size() == null ? 0 : link.size(), link.href());
    }

    private static String name(String name) {
        String cut = cut(name, 120);
        if (cut == null || cut.isBlank()) {
            return "Untitled";
        }
        return cut.length() < 3 ? (cut + "   ").substring(0, 3) : cut;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static Integer constant(VideoObject.Identified identified, java.util.Set<Integer> known) {
        if (identified == null || identified.identifier() == null) {
            return null;
        }
        try {
            Integer id = Integer.valueOf(identified.identifier());
            return known.contains(id) ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int seconds(String duration) {
        try {
            return duration == null ? 0 : (int) Duration.parse(duration).toSeconds();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
