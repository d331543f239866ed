package org.kinema.comment;

import java.util.List;

/** A page of a video's threads (their first comments), how many threads there are, and how many comments are not deleted. */
public record ThreadPage(long total, long totalNotDeletedComments, List<Comment> threads) {

    public static final ThreadPage EMPTY = new ThreadPage(0, 0, List.of());
}
