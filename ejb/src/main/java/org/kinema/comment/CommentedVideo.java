package org.kinema.comment;

import java.util.UUID;

/** The video a comment is on, as lists of comments name it (PeerTube's {@code VideoInfo}). */
public record CommentedVideo(long id, UUID uuid, String shortUuid, String name) {
}
