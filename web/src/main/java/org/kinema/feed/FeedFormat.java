package org.kinema.feed;

import org.kinema.platform.DomainException;

import java.util.Locale;

/** The formats PeerTube names in a feed's extension, with the content type each is served as. */
enum FeedFormat {
    RSS("rss_2.0", "application/rss+xml; charset=utf-8"),
    ATOM("atom_1.0", "application/atom+xml; charset=utf-8"),
    JSON(null, "application/json; charset=utf-8");

    /** ROME's name of the format; none for JSON Feed, which ROME does not write. */
    final String romeType;
    final String contentType;

    FeedFormat(String romeType, String contentType) {
        this.romeType = romeType;
        this.contentType = contentType;
    }

    static FeedFormat of(String extension) {
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "xml", "rss", "rss2" -> RSS;
            case "atom", "atom1" -> ATOM;
            case "json", "json1" -> JSON;
            default -> throw DomainException.invalid("Unknown feed format " + extension
                    + ": use xml, rss, rss2, atom, atom1, json or json1");
        };
    }
}
