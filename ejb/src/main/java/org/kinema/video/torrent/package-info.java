/**
 * BitTorrent v1 metainfo for video files, so desktop BitTorrent clients and WebTorrent peers can
 * download them, using the instance's own HTTP URL as a web seed. Knows nothing else about videos,
 * nor HTTP or persistence.
 */
package org.kinema.video.torrent;
