package org.kinema.video;

/** A stored file named in a URL, with its kind and what decides who may fetch it. */
public record FileAccess(FileKind kind, String filename, VideoAccess video) {
}
