/**
 * Playlists: an account's ordered lists of videos, each element with an optional start and stop,
 * published in a channel or kept unlisted or private, and every user's Watch later list. Every
 * playlist and element has the absolute URL that is its ActivityPub id, and an owning account, so
 * that remote ones can sit beside local ones. Asks the video feature who may see a video, and
 * shows nobody a video they could not find otherwise. Knows nothing of HTTP.
 */
package org.kinema.playlist;
