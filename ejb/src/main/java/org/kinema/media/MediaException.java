package org.kinema.media;

/** A media tool refused or failed; the message says why in words an uploader can read. */
public class MediaException extends Exception {

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
