package org.kinema.comment;

/** A comment with the video it is on, for lists of comments across videos. */
public record CommentOnVideo(Comment comment, CommentedVideo video) {
}
