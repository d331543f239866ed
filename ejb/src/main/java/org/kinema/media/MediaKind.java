package org.kinema.media;

/**
 * What a file to delete is, as the database names it (the {@code media_deletion} table): all
 * files of a video (by UUID), the streams of one old transcoding ({@code {uuid}/{prefix}}), an
 * original, a downloadable MP4, a torrent, an upload in progress (by file name or id), or all
 * files of a playlist (its thumbnail, by the playlist's UUID).
 */
public enum MediaKind {
    VIDEO, HLS_PREFIX, ORIGINAL, WEB, TORRENT, UPLOAD, PLAYLIST
}
