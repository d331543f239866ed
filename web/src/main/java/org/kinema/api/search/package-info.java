/**
 * PeerTube's search API: {@code /search/videos}, {@code /search/video-channels} and
 * {@code /search/video-playlists}, answered in the shapes of the video and channel lists. Playlists
 * are searched by whatever implements {@link org.kinema.api.search.PlaylistSearch}; until a feature
 * does, that search finds nothing.
 */
package org.kinema.api.search;
