package org.kinema.comment;

/** What happens to comments, announced as CDI events for other features to react to after commit. */
public final class CommentEvents {

    private CommentEvents() {
    }

    /** A comment was written (it may be held for review). */
    public record Posted(long commentId) {
    }

    /** A comment held for review was approved: now everyone who may watch the video sees it. */
    public record Approved(long commentId) {
    }
}
