package org.kinema.federation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.kinema.account.Account;
import org.kinema.account.AccountRepository;
import org.kinema.actor.Actor;
import org.kinema.actor.ActorRepository;
import org.kinema.actor.ActorType;
import org.kinema.channel.ChannelRepository;
import org.kinema.channel.VideoChannel;
import org.kinema.comment.Comment;
import org.kinema.comment.CommentRepository;
import org.kinema.comment.CommentText;
import org.kinema.follow.Follow;
import org.kinema.follow.FollowRepository;
import org.kinema.platform.DomainException;
import org.kinema.platform.KinemaSettings;
import org.kinema.rating.RatingRepository;
import org.kinema.rating.RatingType;
import org.kinema.video.FileKind;
import org.kinema.video.RemoteVideo;
import org.kinema.video.Video;
import org.kinema.video.VideoFile;
import org.kinema.video.VideoRepository;
import org.kinema.video.ViewCounter;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the activities other servers delivered do here, each in a transaction of its own: follows
 * of local actors (accepted, and answered), answers to this instance's follows, remote videos kept
 * and refreshed and removed, remote comments, ratings and views of local videos. The activities'
 * JSON-LD is read at the boundary; this service takes what it says, with the remote actors already
 * cached. It refuses what the sender may not do (a {@link DomainException}: not tried again).
 */
@Stateless
public class InboxProcessing {

    @Inject
    private InboxActivityRepository inbox;

    @Inject
    private ActorRepository actors;

    @Inject
    private AccountRepository accounts;

    @Inject
    private ChannelRepository channels;

    @Inject
    private FollowRepository follows;

    @Inject
    private VideoRepository videos;

    @Inject
    private CommentRepository comments;

    @Inject
    private RatingRepository ratings;

    @Inject
    private ViewCounter viewCounter;

    @Inject
    private Outbox outbox;

    @Inject
    private KinemaSettings settings;

    public Optional<ClaimedActivity> claim(Duration lease) {
        return inbox.claim(lease);
    }

    public void processed(long id) {
        inbox.processed(id);
    }

    public void failed(long id, String error, Duration retryIn) {
        inbox.failed(id, error, retryIn);
    }

    /**
     * A remote actor follows a local one (the instance, an account or a channel): kept accepted, and
     * answered with an Accept whose object is the Follow as it came.
     */
    public void followed(String followerUrl, String followedUrl, String followId, String followJson) {
        Actor follower = remote(followerUrl);
        Actor followed = actors.findByUrl(followedUrl).filter(Actor::isLocal)
                .orElseThrow(() -> DomainException.notFound("No local actor " + followedUrl + " to follow"));
        Follow follow = follows.find(follower, followed).orElse(null);
        if (follow == null) {
            follow = Follow.fromRemote(follows.nextId(), follower, followed, followId);
            follows.add(follow);
        }
        JsonObject original = Json.createReader(new StringReader(followJson)).readObject();
        JsonObject accept = Json.createObjectBuilder()
                .add("@context", Activities.context())
                .add("type", "Accept")
                .add("id", settings.publicUrl() + "/accepts/follows/" + follow.id())
                .add("actor", followed.url())
                .add("object", Activities.withoutContext(original))
                .build();
        outbox.send(followed, accept, List.of(follower.endpoints().inbox()));
    }

    /** A remote actor stops following a local one. */
    public void unfollowed(String followerUrl, String followId, String followedUrl) {
        Optional<Follow> follow = followId == null ? Optional.empty() : follows.findByUrl(followId);
        if (follow.isEmpty()) {
            follow = between(followerUrl, followedUrl);
        }
        follow.filter(found -> found.follower().url().equals(followerUrl)).ifPresent(follows::remove);
    }

    /**
     * A remote actor accepted a follow this instance sent: it stands, and the followed actor's
     * outbox (returned) may be read for what it published before.
     */
    public Optional<String> followAccepted(String acceptorUrl, String followId, String followerUrl) {
        Optional<Follow> follow = followId == null ? Optional.empty() : follows.findByUrl(followId);
        if (follow.isEmpty()) {
            follow = between(followerUrl, acceptorUrl);
        }
        Follow accepted = follow.filter(found -> found.following().url().equals(acceptorUrl) && found.follower().isLocal())
                .orElseThrow(() -> DomainException.notFound("No follow of " + acceptorUrl + " waits for this answer"));
        accepted.accept();
        return Optional.ofNullable(accepted.following().endpoints().outbox());
    }

    /** The follow of one actor by another, both named by URL, if both are known and it exists. */
    private Optional<Follow> between(String followerUrl, String followedUrl) {
        if (followerUrl == null || followedUrl == null) {
            return Optional.empty();
        }
        Optional<Actor> follower = actors.findByUrl(followerUrl);
        Optional<Actor> followed = actors.findByUrl(followedUrl);
        return follower.isPresent() && followed.isPresent() ? follows.find(follower.get(), followed.get()) : Optional.empty();
    }

    /** A remote actor refused a follow this instance sent. */
    public void followRejected(String rejectorUrl, String followId) {
        if (followId != null) {
            follows.findByUrl(followId).filter(found -> found.following().url().equals(rejectorUrl)).ifPresent(follows::remove);
        }
    }

    /** Whether a remote video is already kept. */
    public boolean knowsVideo(String url) {
        return videos.findByRemoteUrl(url).isPresent();
    }

    /** A remote video, kept or refreshed as its origin describes it, in its (remote) channel. */
    public void keepVideo(String channelUrl, String channelName, String accountUrl, String accountName, RemoteVideo remote) {
        String host = hostOf(remote.url());
        Actor channelActor = remote(channelUrl);
        Actor accountActor = remote(accountUrl);
        if (!host.equalsIgnoreCase(channelActor.host()) || !host.equalsIgnoreCase(accountActor.host())
                || channelActor.type() != ActorType.Group || accountActor.type() != ActorType.Person) {
            throw DomainException.forbidden("A video is published by a Person and a Group of its own instance");
        }
        VideoChannel channel = channelOf(channelActor, accountOf(accountActor, accountName), channelName);
        Optional<Video> kept = videos.findByRemoteUrl(remote.url());
        Video video;
        if (kept.isPresent()) {
            video = kept.get();
            if (!video.channel().id().equals(channel.id())) {
                throw DomainException.forbidden("A video does not move to another channel");
            }
            video.refresh(remote);
            videos.removeFiles(video, FileKind.HLS);
            videos.removeFiles(video, FileKind.WEB);
        } else {
            if (videos.findByUuid(remote.uuid()).isPresent()) {
                throw DomainException.conflict("Another video has the UUID " + remote.uuid());
            }
            video = Video.remote(channel, remote);
            videos.add(video);
        }
        for (RemoteVideo.File file : remote.files()) {
            videos.add(VideoFile.remote(video, file));
        }
    }

    /** A remote channel and its account, kept so that local accounts may follow it. */
    public void keepChannel(String channelUrl, String channelName, String accountUrl, String accountName) {
        Actor channelActor = remote(channelUrl);
        Actor accountActor = remote(accountUrl);
        if (channelActor.type() != ActorType.Group || !hostOf(channelUrl).equalsIgnoreCase(hostOf(accountUrl))) {
            throw DomainException.invalid("A channel is a Group owned by an account of its own instance");
        }
        channelOf(channelActor, accountOf(accountActor, accountName), channelName);
    }

    /** The origin deleted one of its videos (or the object is not one this instance keeps: nothing happens). */
    public void videoDeleted(String url, String deleterUrl) {
        videos.findByRemoteUrl(url).ifPresent(video -> {
            if (!hostOf(deleterUrl).equalsIgnoreCase(video.channel().actor().host())) {
                throw DomainException.forbidden("Only the video's instance deletes it");
            }
            videos.remove(video);
        });
    }

    /** A comment written elsewhere on a video this instance keeps, or in reply to a comment it keeps. */
    public void commented(String noteUrl, String authorUrl, String inReplyTo, String html) {
        if (!hostOf(noteUrl).equalsIgnoreCase(hostOf(authorUrl))) {
            throw DomainException.forbidden("A comment is on its author's instance");
        }
        if (comments.findByUrl(noteUrl).isPresent()) {
            return;
        }
        Comment parent = comments.findByUrl(inReplyTo).orElse(null);
        Video video = parent != null ? videos.find(parent.videoId()).orElseThrow()
                : videoAt(inReplyTo).orElseThrow(() -> DomainException.notFound("Not a video or comment of this instance: " + inReplyTo));
        if (!video.commentsEnabled()) {
            throw DomainException.conflict("Video comments are disabled for this video");
        }
        comments.add(Comment.received(comments.nextId(), noteUrl, video, parent, accountOf(remote(authorUrl), null),
                CommentText.ofHtml(html)));
    }

    /** A remote account likes, dislikes or stops rating ({@link RatingType#NONE}) a local video. */
    public void rated(String actorUrl, String videoUrl, RatingType type, String ratingUrl) {
        Video video = localVideoAt(videoUrl);
        ratings.rate(accountOf(remote(actorUrl), null), video, type, type == RatingType.NONE ? null : ratingUrl);
    }

    /**
     * Someone watched a local video on another instance: one view (PeerTube sends one activity per
     * view), or the number another Kinema instance counted since it last sent the video's views.
     */
    public void viewed(String videoUrl, String activityId, int views) {
        viewCounter.view(localVideoAt(videoUrl), "remote-view:" + activityId, views);
    }

    private Video localVideoAt(String url) {
        return videoAt(url).filter(video -> !video.isRemote())
                .orElseThrow(() -> DomainException.notFound("Not a video of this instance: " + url));
    }

    /** A local video by its URL, or a kept remote one by its id. */
    private Optional<Video> videoAt(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String prefix = settings.publicUrl() + "/videos/watch/";
        if (url.startsWith(prefix)) {
            try {
                return videos.findByUuid(UUID.fromString(url.substring(prefix.length())));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return videos.findByRemoteUrl(url);
    }

    private Actor remote(String url) {
        return actors.findByUrl(url).filter(actor -> !actor.isLocal())
                .orElseThrow(() -> new IllegalStateException("The remote actor " + url + " is not cached"));
    }

    private Account accountOf(Actor actor, String displayName) {
        return accounts.ofActor(actor).orElseGet(() -> {
            Account account = Account.remote(actor, displayName);
            accounts.add(account);
            return account;
        });
    }

    private VideoChannel channelOf(Actor actor, Account owner, String displayName) {
        return channels.findByActor(actor).orElseGet(() -> {
            VideoChannel channel = VideoChannel.remote(actor, owner, displayName);
            channels.add(channel);
            return channel;
        });
    }

    static String hostOf(String url) {
        try {
            return PublicAddresses.authority(URI.create(url));
        } catch (RuntimeException e) {
            throw DomainException.invalid("Not a URL: " + url);
        }
    }
}
