package org.kinema.api.comment;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.kinema.api.actor.AccountJson;
import org.kinema.comment.Comment;

import java.time.OffsetDateTime;

/**
 * PeerTube's {@code VideoComment}. Its {@code text} is HTML (as PeerTube's reference says): the
 * author's Markdown rendered and sanitised, which PeerTube's clients show as they show Markdown.
 * A deleted comment has no text and no account.
 */
public record CommentJson(long id, String url, String text, long threadId, Long inReplyToCommentId, long videoId,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime deletedAt,
                          @JsonProperty("isDeleted") boolean isDeleted, boolean heldForReview,
                          int totalRepliesFromVideoAuthor, int totalReplies, AccountJson account) {

    public static CommentJson of(Comment comment, String localHost) {
        return new CommentJson(comment.id(), comment.url(), comment.html(), comment.threadId(), comment.inReplyToCommentId(),
                comment.videoId(), comment.createdAt(), comment.updatedAt(), comment.deletedAt(), comment.isDeleted(),
                comment.heldForReview(), comment.totalRepliesFromVideoAuthor(), comment.totalReplies(),
                comment.account() == null ? null : AccountJson.of(comment.account(), localHost));
    }
}
