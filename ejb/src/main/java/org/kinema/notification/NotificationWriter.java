package org.kinema.notification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.kinema.account.Account;
import org.kinema.account.AccountRepository;
import org.kinema.account.User;
import org.kinema.account.UserRepository;
import org.kinema.channel.ChannelRepository;
import org.kinema.channel.VideoChannel;
import org.kinema.comment.Comment;
import org.kinema.comment.CommentRepository;
import org.kinema.comment.Mention;
import org.kinema.follow.Follow;
import org.kinema.follow.FollowRepository;
import org.kinema.platform.KinemaSettings;
import org.kinema.video.Privacy;
import org.kinema.video.Video;
import org.kinema.video.VideoRepository;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes the notifications that something which happened calls for, each in a transaction of its
 * own once that has committed: who is told of what, if they want to be (web, e-mail), and if they
 * may watch the video it is about.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NotificationWriter {

    @Inject
    private NotificationRepository notifications;

    @Inject
    private VideoRepository videos;

    @Inject
    private CommentRepository comments;

    @Inject
    private FollowRepository follows;

    @Inject
    private ChannelRepository channels;

    @Inject
    private AccountRepository accounts;

    @Inject
    private UserRepository users;

    @Inject
    private Mailer mailer;

    @Inject
    private KinemaSettings settings;

    /** A video is published: its owner is told (once), and so are its channel's subscribers if it is public. */
    public void videoPublished(long videoId) {
        videos.find(videoId).ifPresent(video -> {
            Long owner = video.access().ownerUserId();
            if (owner != null && !notifications.exists(owner, NotificationType.MY_VIDEO_PUBLISHED, videoId)) {
                tell(owner, Notification.aboutVideo(owner, NotificationType.MY_VIDEO_PUBLISHED, videoId),
                        "Your video " + video.name() + " is published", watchUrl(video));
            }
            tellSubscribers(video);
        });
    }

    /** A video turned public: its channel's subscribers who were not told yet are told now. */
    public void videoPrivacyChanged(long videoId) {
        videos.find(videoId).ifPresent(this::tellSubscribers);
    }

    public void transcodingFailed(long videoId) {
        videos.find(videoId).ifPresent(video -> {
            Long owner = video.access().ownerUserId();
            if (owner != null) {
                tell(owner, Notification.aboutVideo(owner, NotificationType.MY_VIDEO_TRANSCODING_FAILED, videoId),
                        "Your video " + video.name() + " could not be transcoded", watchUrl(video));
            }
        });
    }

    /** A comment is written: the video's owner is told; once it may be seen, those it answers or mentions too. */
    public void commentPosted(long commentId) {
        comments.find(commentId).ifPresent(comment -> videos.find(comment.videoId()).ifPresent(video -> {
            Long owner = video.access().ownerUserId();
            if (owner != null && !isAuthor(owner, comment)) {
                tell(owner, Notification.aboutComment(owner, NotificationType.NEW_COMMENT_ON_MY_VIDEO, commentId, video.id()),
                        "New comment on your video " + video.name(), commentUrl(video, comment));
            }
            if (!comment.heldForReview()) {
                tellConversation(comment, video);
            }
        }));
    }

    public void commentApproved(long commentId) {
        comments.find(commentId).ifPresent(comment -> videos.find(comment.videoId())
                .ifPresent(video -> tellConversation(comment, video)));
    }

    /** Someone registered: administrators and moderators are told. */
    public void userRegistered(String username) {
        users.findByLogin(username).map(users::accountOf).ifPresent(account -> {
            for (long moderator : notifications.moderators()) {
                tell(moderator, Notification.aboutAccount(moderator, NotificationType.NEW_USER_REGISTRATION, account.id()),
                        "A new user registered: " + username, settings.publicUrl() + "/a/" + account.name());
            }
        });
    }

    /** Someone subscribed to a channel: its owner is told. */
    public void followed(long followId) {
        follows.find(followId).ifPresent(follow -> channels.findByActor(follow.following()).ifPresent(channel -> {
            Account follower = accounts.ofActor(follow.follower()).orElse(null);
            Long owner = channel.account().userId();
            if (follower != null && owner != null && !follower.id().equals(channel.account().id())) {
                tell(owner, Notification.aboutFollow(owner, NotificationType.NEW_FOLLOW, followId, follower.id()),
                        follower.displayName() + " subscribed to your channel " + channel.displayName(),
                        settings.publicUrl() + "/c/" + channel.name());
            }
        }));
    }

    private void tellSubscribers(Video video) {
        Long owner = video.access().ownerUserId();
        if (video.privacy() != Privacy.PUBLIC || !video.isPublished() || owner == null) {
            return;
        }
        long channelActor = video.channel().actor().id();
        notifications.addForFollowersOf(channelActor, video.id(), owner);
        if (mailer.isConfigured()) {
            String subject = video.channel().displayName() + " published a new video: " + video.name();
            mailer.send(notifications.emailsOfFollowersOf(channelActor, NotificationSetting.NEW_VIDEO_FROM_SUBSCRIPTION, owner)
                    .stream().map(email -> new Mailer.Mail(email, subject, subject + "\n\n" + watchUrl(video))).toList());
        }
    }

    /** The author of the comment answered, and the accounts it mentions, if they may watch the video (the owner was told already). */
    private void tellConversation(Comment comment, Video video) {
        Set<Long> accountIds = new LinkedHashSet<>();
        if (comment.inReplyToCommentId() != null) {
            comments.find(comment.inReplyToCommentId()).map(Comment::accountId).ifPresent(accountIds::add);
        }
        comment.mentions().stream().map(Mention::accountId).filter(id -> id != null).forEach(accountIds::add);
        Long owner = video.access().ownerUserId();
        for (Long accountId : accountIds) {
            accounts.find(accountId).map(Account::userId)
                    .filter(user -> !user.equals(owner) && !isAuthor(user, comment))
                    .filter(user -> users.callerOf(user).filter(video.access()::isWatchableBy).isPresent())
                    .ifPresent(user -> tell(user, Notification.aboutComment(user, NotificationType.COMMENT_MENTION, comment.id(),
                            video.id()), "You were mentioned in a comment on " + video.name(), commentUrl(video, comment)));
        }
    }

    private boolean isAuthor(long userId, Comment comment) {
        return comment.account() != null && comment.account().belongsTo(userId);
    }

    /** Stores the notification and sends its e-mail, as the user's setting for its kind says. */
    private void tell(long userId, Notification notification, String subject, String link) {
        int wanted = notifications.setting(userId, notification.type().setting());
        if ((wanted & NotificationSetting.WEB) != 0) {
            notifications.add(notification);
        }
        if ((wanted & NotificationSetting.EMAIL) != 0 && mailer.isConfigured()) {
            users.find(userId).ifPresent(user -> mailer.send(List.of(new Mailer.Mail(user.email(), subject, subject + "\n\n" + link))));
        }
    }

    private String watchUrl(Video video) {
        return settings.publicUrl() + "/w/" + video.shortUuid();
    }

    private String commentUrl(Video video, Comment comment) {
        return watchUrl(video) + ";threadId=" + comment.threadId();
    }
}
