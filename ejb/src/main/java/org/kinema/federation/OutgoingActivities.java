package org.kinema.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.kinema.account.Account;
import org.kinema.account.AccountRepository;
import org.kinema.actor.Actor;
import org.kinema.actor.ActorRepository;
import org.kinema.comment.Comment;
import org.kinema.comment.CommentEvents;
import org.kinema.comment.CommentRepository;
import org.kinema.follow.Follow;
import org.kinema.follow.FollowEvents;
import org.kinema.follow.FollowRepository;
import org.kinema.platform.KinemaSettings;
import org.kinema.rating.Rating;
import org.kinema.rating.RatingEvents;
import org.kinema.rating.RatingType;
import org.kinema.video.Video;
import org.kinema.video.VideoEvents;
import org.kinema.video.VideoRepository;
import org.kinema.video.ViewsOfVideo;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Tells other servers what local people did to their objects, and local changes their followers
 * must hear of: a follow of a remote actor, a comment or a rating of a remote video, a federated
 * video deleted, made private or withdrawn after a failed encode. Observes the domain's events in
 * the transaction of the change, so that the deliveries are queued exactly when the change is committed.
 */
@ApplicationScoped
public class OutgoingActivities {

    @Inject
    private FollowRepository follows;

    @Inject
    private CommentRepository comments;

    @Inject
    private VideoRepository videos;

    @Inject
    private AccountRepository accounts;

    @Inject
    private ActorRepository actors;

    @Inject
    private Outbox outbox;

    @Inject
    private KinemaSettings settings;

    /** A local actor follows a remote one: the Follow goes to the followed actor's inbox, as PeerTube sends it. */
    public void followed(@Observes FollowEvents.Followed followed) {
        Follow follow = follows.find(followed.followId()).orElse(null);
        if (follow == null || follow.following().isLocal() || !follow.follower().isLocal()) {
            return;
        }
        JsonObject activity = Activities.withContext(Activities.follow(follow.url(), follow.follower(), follow.following()));
        outbox.send(follow.follower(), activity, List.of(follow.following().endpoints().inbox()));
    }

    /** A local actor stops following a remote one: an Undo goes to the followed actor's inbox. */
    public void unfollowing(@Observes FollowEvents.Unfollowing unfollowing) {
        follows.find(unfollowing.followId()).ifPresent(this::unfollow);
    }

    /** Tells the followed actor that a local actor no longer follows it (call before the follow is removed). */
    public void unfollow(Follow follow) {
        if (follow.following().isLocal() || !follow.follower().isLocal()) {
            return;
        }
        JsonObject undo = Activities.undo(follow.follower(), Activities.follow(follow.url(), follow.follower(), follow.following()));
        outbox.send(follow.follower(), undo, List.of(follow.following().endpoints().inbox()));
    }

    /**
     * A local comment on a remote video goes to the video's origin as a Note, as PeerTube sends it;
     * one on a local federated video goes to the video's remote followers and to the remote author
     * it answers, so that a thread grows on both sides.
     */
    public void commented(@Observes CommentEvents.Posted posted) {
        Comment comment = comments.find(posted.commentId()).orElse(null);
        if (comment == null || comment.account() == null || !comment.account().actor().isLocal() || comment.heldForReview()) {
            return;
        }
        Video video = videos.find(comment.videoId()).orElse(null);
        if (video == null || !video.isPublished() || !video.privacy().isOpenToAnyone()) {
            return;
        }
        String videoUrl = video.isRemote() ? video.remoteUrl() : settings.publicUrl() + "/videos/watch/" + video.uuid();
        Comment parent = comment.inReplyToCommentId() == null ? null : comments.find(comment.inReplyToCommentId()).orElse(null);
        Set<String> inboxes = new LinkedHashSet<>();
        if (video.isRemote()) {
            inboxes.addAll(origin(video));
        } else {
            inboxes.addAll(outbox.publisherFollowers(video.channel().actor().id(), video.channel().account().actor().id()));
        }
        if (parent != null && parent.account() != null && !parent.account().actor().isLocal()) {
            inboxes.add(Activities.inboxOf(parent.account().actor()));
        }
        if (!inboxes.isEmpty()) {
            outbox.send(comment.account().actor(), create(comment, parent == null ? videoUrl : parent.url()), inboxes);
        }
    }

    private static JsonObject create(Comment comment, String inReplyTo) {
        Actor author = comment.account().actor();
        String published = DateTimeFormatter.ISO_INSTANT.format(comment.createdAt());
        JsonObject note = Json.createObjectBuilder()
                .add("type", "Note").add("id", comment.url()).add("content", comment.html()).add("mediaType", "text/html")
                .add("inReplyTo", inReplyTo).add("published", published).add("updated", published)
                .add("url", comment.url()).add("attributedTo", author.url())
                .add("to", Json.createArrayBuilder().add(Activities.PUBLIC))
                .add("cc", Json.createArrayBuilder().add(Activities.followers(author)))
                .add("tag", Json.createArrayBuilder()).build();
        return Json.createObjectBuilder().add("@context", Activities.context())
                .add("to", Json.createArrayBuilder().add(Activities.PUBLIC))
                .add("cc", Json.createArrayBuilder().add(Activities.followers(author)))
                .add("type", "Create").add("id", comment.url() + "/activity").add("actor", author.url())
                .add("object", note).build();
    }

    /** A local like or dislike of a remote video (or its withdrawal) goes to the video's origin. */
    public void rated(@Observes RatingEvents.Rated rated) {
        Video video = videos.find(rated.videoId()).orElse(null);
        Account account = accounts.find(rated.accountId()).orElse(null);
        if (video == null || !video.isRemote() || account == null || !account.actor().isLocal()) {
            return;
        }
        Actor actor = account.actor();
        if (rated.before() != RatingType.NONE) {
            outbox.send(actor, Activities.undo(actor, rating(actor, video, rated.before(), Rating.urlOf(account, video, rated.before()))),
                    origin(video));
        }
        if (rated.after() != RatingType.NONE) {
            outbox.send(actor, Activities.withContext(rating(actor, video, rated.after(), Rating.urlOf(account, video, rated.after()))),
                    origin(video));
        }
    }

    /**
     * Views counted here of other instances' videos go to each video's origin as one View by this
     * instance's actor, as PeerTube sends views, carrying their number in PeerTube's {@code views}
     * term: a Kinema origin adds them all, a PeerTube origin counts the activity as one view.
     */
    public void remoteVideosViewed(@Observes VideoEvents.RemoteVideosViewed viewed) {
        Actor server = actors.application(settings.publicUrl());
        for (ViewsOfVideo counted : viewed.views()) {
            videos.find(counted.videoId()).filter(Video::isRemote).ifPresent(video -> {
                JsonObject view = Json.createObjectBuilder().add("@context", Activities.contextWithViews())
                        .add("to", Json.createArrayBuilder().add(Activities.PUBLIC))
                        .add("type", "View").add("id", server.url() + "/views/videos/" + video.id() + "/" + UUID.randomUUID())
                        .add("actor", server.url()).add("object", video.remoteUrl()).add("views", counted.views()).build();
                outbox.send(server, view, origin(video));
            });
        }
    }

    /** A federated local video deleted: its followers remove it. */
    public void deleted(@Observes VideoEvents.Deleted deleted) {
        if (deleted.privacy().isOpenToAnyone()) {
            retract(deleted.uuid().toString(), deleted.channelActorId(), deleted.accountActorId());
        }
    }

    /**
     * A video announced while it encoded whose encode then failed: its followers remove the half
     * video (a later successful retry announces it again).
     */
    public void withdrawn(@Observes VideoEvents.TranscodingFailed failed) {
        if (failed.withdrawn()) {
            videos.find(failed.videoId()).filter(video -> !video.isRemote() && video.privacy().isOpenToAnyone())
                    .ifPresent(video -> retract(video.uuid().toString(), video.channel().actor().id(),
                            video.channel().account().actor().id()));
        }
    }

    /** A federated local video made private or internal: for its followers, it is gone. */
    public void privacyChanged(@Observes VideoEvents.PrivacyChanged changed) {
        if (changed.before().isOpenToAnyone() && !changed.after().isOpenToAnyone()) {
            videos.find(changed.videoId()).filter(video -> !video.isRemote()).ifPresent(video -> retract(video.uuid().toString(),
                    video.channel().actor().id(), video.channel().account().actor().id()));
        }
    }

    private void retract(String uuid, long channelActorId, long accountActorId) {
        List<String> inboxes = outbox.publisherFollowers(channelActorId, accountActorId);
        if (inboxes.isEmpty()) {
            return;
        }
        Actor account = actors.find(accountActorId).orElseGet(() -> actors.application(settings.publicUrl()));
        String url = settings.publicUrl() + "/videos/watch/" + uuid;
        JsonObject delete = Json.createObjectBuilder().add("@context", Activities.context())
                .add("to", Json.createArrayBuilder().add(Activities.PUBLIC))
                .add("cc", Json.createArrayBuilder().add(Activities.followers(account)))
                .add("type", "Delete").add("id", url + "/delete").add("actor", account.url()).add("object", url).build();
        outbox.send(account, delete, inboxes);
    }

    private static JsonObject rating(Actor actor, Video video, RatingType type, String id) {
        return Json.createObjectBuilder().add("type", type == RatingType.LIKE ? "Like" : "Dislike").add("id", id)
                .add("actor", actor.url()).add("object", video.remoteUrl()).build();
    }

    /** Where a remote video's interactions go: its channel's and its account's inboxes (a shared inbox once). */
    private static List<String> origin(Video video) {
        Set<String> inboxes = new LinkedHashSet<>();
        inboxes.add(Activities.inboxOf(video.channel().actor()));
        inboxes.add(Activities.inboxOf(video.channel().account().actor()));
        return List.copyOf(inboxes);
    }
}
