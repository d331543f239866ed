package org.kinema.playlist;

/** Where a video is in one of the caller's playlists (PeerTube's {@code videos-exist} answer). */
public record PlaylistPlace(long playlistElementId, long playlistId, Integer startTimestamp, Integer stopTimestamp) {
}
