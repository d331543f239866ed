package org.kinema.video;

/** The uploaded original, a downloadable MP4, or one HLS rendition. */
public enum FileKind {
    ORIGINAL, WEB, HLS
}
