package org.kinema.comment;

/**
 * Which comments a list across videos shows, with PeerTube's filters: text, author and video
 * searched (case-insensitive, contained), one video or channel, local or remote authors, comments
 * on local videos, held for review or not. Null filters nothing.
 */
public record CommentFilter(String search, String searchAccount, String searchVideo, Long videoId, Long channelId,
                            Boolean isLocal, Boolean onLocalVideo, Boolean heldForReview) {
}
