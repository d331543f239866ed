/**
 * Playlists as PeerTube's API has them: {@code /video-playlists…}, and the lists of an account's, a
 * channel's and the caller's playlists, each a class of its own path (RESTEasy picks a class by
 * path before it looks at methods).
 */
package org.kinema.api.playlist;
