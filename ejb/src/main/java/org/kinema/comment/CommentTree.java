package org.kinema.comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A comment and the replies to it, each with its own replies: a thread as PeerTube shows it. */
public record CommentTree(Comment comment, List<CommentTree> children) {

    /** The tree under {@code root} of a thread's comments (in the order given); replies to comments not given are left out. */
    static CommentTree of(Comment root, List<Comment> thread) {
        Map<Long, List<CommentTree>> children = new HashMap<>();
        Map<Long, CommentTree> trees = new HashMap<>();
        trees.put(root.id(), new CommentTree(root, children.computeIfAbsent(root.id(), id -> new ArrayList<>())));
        for (Comment comment : thread) {
            if (comment.id().equals(root.id())) {
                continue;
            }
            CommentTree tree = new CommentTree(comment, children.computeIfAbsent(comment.id(), id -> new ArrayList<>()));
            trees.put(comment.id(), tree);
            children.computeIfAbsent(comment.inReplyToCommentId(), id -> new ArrayList<>()).add(tree);
        }
        return trees.get(root.id());
    }
}
