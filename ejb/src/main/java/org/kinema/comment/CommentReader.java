package org.kinema.comment;

/**
 * Who reads a video's comments, as far as comments held for review go: whoever manages the video
 * sees them all, their author sees their own, nobody else sees any.
 */
record CommentReader(boolean seesAllHeld, Long accountId) {

    static final CommentReader ANONYMOUS = new CommentReader(false, null);

    /** A JPQL condition on comment {@code c} (with parameter {@code reader} when it names an account). */
    String condition() {
        if (seesAllHeld) {
            return "";
        }
        return accountId == null ? " AND c.heldForReview = false" : " AND (c.heldForReview = false OR c.accountId = :reader)";
    }

    <Q extends jakarta.persistence.Query> Q bind(Q query) {
        if (!seesAllHeld && accountId != null) {
            query.setParameter("reader", accountId);
        }
        return query;
    }
}
