package org.kinema.playlist;

/** A playlist as lists and pages show it: with how many elements it has (PeerTube's {@code videosLength}). */
public record ListedPlaylist(Playlist playlist, long videosLength) {
}
