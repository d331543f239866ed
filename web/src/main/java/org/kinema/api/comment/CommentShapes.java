package org.kinema.api.comment;

import org.kinema.api.actor.AccountJson;
import org.kinema.comment.CommentOnVideo;
import org.kinema.comment.CommentTree;
import org.kinema.comment.ThreadPage;

import java.time.OffsetDateTime;
import java.util.List;

/** PeerTube's shapes around {@link CommentJson}: lists of threads, a thread's tree, a posted comment, lists for moderation. */
final class CommentShapes {

    private CommentShapes() {
    }

    /** PeerTube's {@code CommentThreadResponse}, with the count of comments not deleted that its clients show. */
    record ThreadList(long total, long totalNotDeletedComments, List<CommentJson> data) {

        static ThreadList of(ThreadPage page, String localHost) {
            return new ThreadList(page.total(), page.totalNotDeletedComments(),
                    page.threads().stream().map(comment -> CommentJson.of(comment, localHost)).toList());
        }
    }

    /** PeerTube's {@code VideoCommentThreadTree}. */
    record Tree(CommentJson comment, List<Tree> children) {

        static Tree of(CommentTree tree, String localHost) {
            return new Tree(CommentJson.of(tree.comment(), localHost),
                    tree.children().stream().map(child -> of(child, localHost)).toList());
        }
    }

    /** PeerTube's {@code CommentThreadPostResponse}. */
    record Posted(CommentJson comment) {
    }

    /** PeerTube's {@code VideoInfo}. */
    record VideoInfo(long id, String uuid, String shortUUID, String name) {
    }

    /** PeerTube's {@code VideoCommentForOwnerOrAdmin}. */
    record ForOwnerOrAdmin(long id, String url, String text, boolean heldForReview, long threadId, Long inReplyToCommentId,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt, AccountJson account, VideoInfo video,
                           List<String> automaticTags) {

        static ForOwnerOrAdmin of(CommentOnVideo item, String localHost) {
            var comment = item.comment();
            var video = item.video();
            return new ForOwnerOrAdmin(comment.id(), comment.url(), comment.html(), comment.heldForReview(), comment.threadId(),
                    comment.inReplyToCommentId(), comment.createdAt(), comment.updatedAt(),
                    comment.account() == null ? null : AccountJson.of(comment.account(), localHost),
                    video == null ? null : new VideoInfo(video.id(), video.uuid().toString(), video.shortUuid(), video.name()),
                    List.of());
        }
    }
}
