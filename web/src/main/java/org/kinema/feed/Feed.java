package org.kinema.feed;

import java.util.List;

/** A feed as its readers see it, before it is written in one of the formats. */
record Feed(String title, String link, String selfUrl, String description, List<FeedItem> items) {
}
