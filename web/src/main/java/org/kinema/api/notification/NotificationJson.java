package org.kinema.api.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.kinema.notification.NotificationView;
import org.kinema.video.VideoState;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** PeerTube's {@code UserNotification}: what it is about, in sub-objects present only when it is about them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationJson(long id, int type, boolean read, Video video, Comment comment, Actor account,
                               ActorFollow actorFollow, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** PeerTube's {@code ActorInfo}. */
    public record Actor(long id, String name, String displayName, String host, List<Object> avatars) {
    }

    /** PeerTube's {@code VideoInfo} with the video's channel. */
    public record Video(long id, String uuid, String shortUUID, String name, Map<String, Object> state, Actor channel) {
    }

    /** A comment, its thread and video. */
    public record Comment(long id, long threadId, boolean heldForReview, Video video, Actor account) {
    }

    /** The followed side of a follow. */
    public record Following(String type, String name, String displayName, String host) {
    }

    /** A follow, its follower and what it follows. */
    public record ActorFollow(long id, Actor follower, String state, Following following) {
    }

    public static NotificationJson of(NotificationView view, String localHost) {
        Video video = video(view.video(), localHost);
        Comment comment = view.comment() == null ? null : new Comment(view.comment().id(), view.comment().threadId(),
                view.comment().heldForReview(), video, actor(view.comment().account(), localHost));
        NotificationView.FollowRef follow = view.follow();
        ActorFollow actorFollow = follow == null ? null : new ActorFollow(follow.id(), actor(follow.follower(), localHost),
                follow.state(), follow.following() == null ? null : new Following("channel", follow.following().name(),
                follow.following().displayName(), host(follow.following().host(), localHost)));
        return new NotificationJson(view.id(), view.type(), view.read(), comment == null ? video : null, comment,
                actor(view.account(), localHost), actorFollow, view.createdAt(), view.updatedAt());
    }

    private static Video video(NotificationView.VideoRef video, String localHost) {
        if (video == null) {
            return null;
        }
        VideoState state = VideoState.of(video.state());
        return new Video(video.id(), video.uuid().toString(), video.shortUuid(), video.name(),
                Map.of("id", state.id(), "label", state.label()), actor(video.channel(), localHost));
    }

    private static Actor actor(NotificationView.ActorRef actor, String localHost) {
        return actor == null ? null : new Actor(actor.id(), actor.name(), actor.displayName(), host(actor.host(), localHost),
                List.of());
    }

    private static String host(String host, String localHost) {
        return host == null ? localHost : host;
    }
}
