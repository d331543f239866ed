package org.kinema.playlist;

/** An element as one reader sees it: its video only when the type is {@link ElementType#REGULAR}. */
public record ShownElement(PlaylistElement element, ElementType type) {
}
