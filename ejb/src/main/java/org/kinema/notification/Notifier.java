package org.kinema.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.kinema.account.UserRegistered;
import org.kinema.comment.CommentEvents;
import org.kinema.follow.FollowEvents;
import org.kinema.video.Privacy;
import org.kinema.video.VideoEvents;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hears what the other features announce, once their transactions have committed, and has the
 * notifications it calls for made. A notification that cannot be made is logged and lost: it never
 * undoes what happened.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class.getName());

    @Inject
    private NotificationWriter writer;

    void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) VideoEvents.Published event) {
        if (event.first()) {
            make("video published", () -> writer.videoPublished(event.videoId()));
        }
    }

    void privacyChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) VideoEvents.PrivacyChanged event) {
        if (event.after() == Privacy.PUBLIC) {
            make("video made public", () -> writer.videoPrivacyChanged(event.videoId()));
        }
    }

    void transcodingFailed(@Observes(during = TransactionPhase.AFTER_SUCCESS) VideoEvents.TranscodingFailed event) {
        make("transcoding failed", () -> writer.transcodingFailed(event.videoId()));
    }

    void commentPosted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentEvents.Posted event) {
        make("comment posted", () -> writer.commentPosted(event.commentId()));
    }

    void commentApproved(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentEvents.Approved event) {
        make("comment approved", () -> writer.commentApproved(event.commentId()));
    }

    void registered(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserRegistered event) {
        make("user registered", () -> writer.userRegistered(event.username()));
    }

    void followed(@Observes(during = TransactionPhase.AFTER_SUCCESS) FollowEvents.Followed event) {
        make("new follower", () -> writer.followed(event.followId()));
    }

    private static void make(String what, Runnable notifications) {
        try {
            notifications.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not make the notifications of: " + what, e);
        }
    }
}
