package org.kinema.playlist;

/**
 * What an owner says about a playlist, as PeerTube's forms take it; a null field is left as it is.
 * {@code removeChannel}: the playlist is taken out of its channel (PeerTube's {@code videoChannelId: null}).
 */
public record PlaylistDraft(String displayName, String description, Integer privacy, Long channelId, boolean removeChannel) {
}
