package org.kinema.media;

/**
 * A time range of a long source, encoded on its own and joined with the others: it starts on the
 * segment grid at {@code start} seconds and lasts {@code seconds}; the last part runs to the end of
 * the source (its {@code seconds} is then what the source's probed duration leaves).
 */
public record Part(int index, int start, int seconds, boolean last) {
}
