package org.kinema.video;

import jakarta.persistence.TypedQuery;

/**
 * Loads the videos a query of another feature reaches (a rating's, a playlist element's) with
 * their channel, account, actors and tags in the same few selects, instead of a few selects
 * per video (no weaving, no shared cache: EclipseLink would otherwise fetch each relation alone).
 */
public final class VideoFetch {

    private VideoFetch() {
    }

    /** {@code video} is the path of the video in the query, e.g. {@code r.video}. */
    public static <T> TypedQuery<T> withOwners(TypedQuery<T> query, String video) {
        for (String relation : new String[] {"", ".channel", ".channel.actor", ".channel.account", ".channel.account.actor"}) {
            query.setHint("eclipselink.left-join-fetch", video + relation);
        }
        query.setHint("eclipselink.batch.type", "IN");
        query.setHint("eclipselink.batch", video + ".tags");
        return query;
    }
}
