package org.kinema.media;

/**
 * What a file to delete is, as the database names it (the {@code media_deletion} table): all
 * files of a video (by UUID), the streams of one old transcoding ({@code {uuid}/{prefix}}), an
 * original, a downloadable MP4, a torrent, or an upload in progress (by file name or id).
 */
public enum MediaKind {
    VIDEO, HLS_PREFIX, ORIGINAL, WEB, TORRENT, UPLOAD
}
