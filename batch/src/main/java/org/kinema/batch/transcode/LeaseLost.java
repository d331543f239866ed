package org.kinema.batch.transcode;

/** The job's claim no longer holds its video: it stops without touching the video. */
final class LeaseLost extends Exception {

    LeaseLost() {
        super("another job holds the video's transcoding now");
    }
}
