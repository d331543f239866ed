package org.kinema.feed;

import java.time.OffsetDateTime;

/**
 * One entry of a feed, whatever it lists: a video, or a comment on one. Media fields are null for
 * entries that have no media.
 */
record FeedItem(String id, String link, String title, String text, OffsetDateTime published, String authorName,
                String authorUrl, Media media) {

    /** What a video entry carries for podcast and media readers. */
    record Media(String fileUrl, String mimeType, long size, int width, int height, int duration, String thumbnailUrl,
                 String embedUrl, long views) {
    }
}
