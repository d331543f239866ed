package org.kinema.comment;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.kinema.account.Account;
import org.kinema.account.AccountRepository;
import org.kinema.account.Caller;
import org.kinema.platform.DomainException;
import org.kinema.platform.KinemaSettings;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.video.CommentsPolicy;
import org.kinema.video.Video;
import org.kinema.video.VideoService;

import java.util.List;

/**
 * Writing, reading, approving and deleting comments. Whoever may not watch a video may neither
 * read nor write its comments (the video feature decides who may watch); a comment held for
 * review is seen only by its author and those who manage the video until one of them approves it.
 */
@Stateless
public class CommentService {

    @Inject
    private CommentRepository comments;

    @Inject
    private VideoService videos;

    @Inject
    private AccountRepository accounts;

    @Inject
    private KinemaSettings settings;

    @Inject
    private Event<CommentEvents.Posted> posted;

    @Inject
    private Event<CommentEvents.Approved> approved;

    /** A page of a video's threads; none while the video's comments are disabled. */
    public ThreadPage threads(Caller caller, String videoId, String videoPassword, Page page) {
        Video video = videos.get(caller, videoId, videoPassword);
        if (!video.commentsEnabled()) {
            return ThreadPage.EMPTY;
        }
        return comments.threads(video.id(), reader(caller, video), page);
    }

    /** A whole thread, from its first comment. */
    public CommentTree thread(Caller caller, String videoId, String videoPassword, long threadId) {
        Video video = videos.get(caller, videoId, videoPassword);
        if (!video.commentsEnabled()) {
            throw DomainException.notFound("No comments were found");
        }
        CommentReader reader = reader(caller, video);
        Comment root = visible(video, threadId, reader);
        if (!root.isThread()) {
            throw DomainException.invalid("This comment is a reply, not the start of a thread");
        }
        return CommentTree.of(root, comments.thread(threadId, reader));
    }

    public Comment startThread(Caller caller, String videoId, String videoPassword, String text) {
        Video video = videos.get(caller, videoId, videoPassword);
        return write(caller, video, null, text);
    }

    public Comment reply(Caller caller, String videoId, String videoPassword, long commentId, String text) {
        Video video = videos.get(caller, videoId, videoPassword);
        Comment parent = visible(video, commentId, reader(caller, video));
        if (parent.isDeleted()) {
            throw DomainException.invalid("Cannot reply to a deleted comment");
        }
        return write(caller, video, parent, text);
    }

    /**
     * Its author, or whoever manages the video, deletes a comment: a comment with replies stays as
     * a tombstone, one without goes, and so do the tombstones above it that are left without replies.
     */
    public void delete(Caller caller, String videoId, long commentId) {
        Video video = videos.get(caller, videoId);
        Comment comment = visible(video, commentId, reader(caller, video));
        if (comment.isDeleted()) {
            throw DomainException.conflict("This comment is already deleted");
        }
        if (!comment.isWrittenBy(account(caller)) && !video.access().isManagedBy(caller)) {
            throw DomainException.forbidden("Cannot remove the comment of another user");
        }
        if (comments.hasReplies(comment)) {
            comment.becomeTombstone();
            return;
        }
        Long parent = comment.inReplyToCommentId();
        comments.remove(comment);
        while (parent != null) {
            Comment above = comments.find(parent).filter(Comment::isDeleted).filter(tombstone -> !comments.hasReplies(tombstone))
                    .orElse(null);
            parent = above == null ? null : above.inReplyToCommentId();
            if (above != null) {
                comments.remove(above);
            }
        }
    }

    /** Someone who manages the video lets a held comment be seen. */
    public void approve(Caller caller, String videoId, long commentId) {
        Video video = videos.get(caller, videoId);
        if (!video.access().isManagedBy(caller)) {
            throw DomainException.forbidden("Only those who manage the video approve its comments");
        }
        Comment comment = comments.findOn(video.id(), commentId)
                .orElseThrow(() -> DomainException.notFound("Video comment not found"));
        comment.approve();
        approved.fire(new CommentEvents.Approved(comment.id()));
    }

    /** Every comment of the instance, for administrators and moderators. */
    public PageResult<CommentOnVideo> list(Caller caller, CommentFilter filter, Page page) {
        if (!caller.canManageUsers()) {
            throw DomainException.forbidden("Only administrators and moderators list the comments of every video");
        }
        return comments.list(filter, null, page);
    }

    /**
     * The newest comments anyone may read, for feeds: of one video anyone may watch, or across the
     * public videos of the instance, of an account or of a channel.
     */
    public List<CommentOnVideo> newestPublic(String videoId, Long accountId, Long channelId, int count) {
        Long video = null;
        if (videoId != null) {
            Video watched = videos.get(null, videoId);
            if (!watched.commentsEnabled()) {
                return List.of();
            }
            video = watched.id();
        }
        return comments.newestPublic(video, accountId, channelId, count);
    }

    /** The comments on the caller's own videos. */
    public PageResult<CommentOnVideo> listOnVideosOf(Caller caller, CommentFilter filter, Page page) {
        return comments.list(filter, account(caller).id(), page);
    }

    private Comment write(Caller caller, Video video, Comment parent, String text) {
        if (!video.commentsEnabled()) {
            throw DomainException.conflict("Video comments are disabled for this video");
        }
        CommentText content = CommentText.of(text, settings.host());
        boolean held = video.commentsPolicy() == CommentsPolicy.REQUIRES_APPROVAL && !video.access().isManagedBy(caller);
        Comment comment = Comment.written(comments.nextId(), settings.publicUrl(), video, parent, account(caller), content, held);
        for (CommentText.Handle handle : content.mentions()) {
            Long mentioned = handle.host() == null
                    ? accounts.findByName(handle.name(), null).map(Account::id).orElse(null) : null;
            comment.mention(handle.name(), handle.host(), mentioned);
        }
        comments.add(comment);
        posted.fire(new CommentEvents.Posted(comment.id()));
        return comment;
    }

    /** The comment on this video, if this reader may see it. */
    private Comment visible(Video video, long commentId, CommentReader reader) {
        return comments.findOn(video.id(), commentId)
                .filter(comment -> !comment.heldForReview() || reader.seesAllHeld()
                        || reader.accountId() != null && reader.accountId().equals(comment.accountId()))
                .orElseThrow(() -> DomainException.notFound("Video comment not found"));
    }

    private CommentReader reader(Caller caller, Video video) {
        if (caller == null) {
            return CommentReader.ANONYMOUS;
        }
        return new CommentReader(video.access().isManagedBy(caller), account(caller).id());
    }

    private Account account(Caller caller) {
        if (caller == null) {
            throw DomainException.unauthenticated("Authentication is required: send an OAuth bearer token", null);
        }
        return accounts.ofUser(caller.userId())
                .orElseThrow(() -> DomainException.unauthenticated("User no longer exists", "invalid_token"));
    }
}
