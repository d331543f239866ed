package org.kinema.platform;

import jakarta.persistence.TypedQuery;

/**
 * EclipseLink runs here without weaving and without a shared cache, so every to-one relation of an
 * entity costs a select of its own unless it is fetched with the entity: this asks for that.
 */
public final class Fetch {

    private Fetch() {
    }

    /** Joins the relations at {@code paths} (e.g. {@code c.account.actor}) into the query's own select. */
    public static <T> TypedQuery<T> with(TypedQuery<T> query, String... paths) {
        for (String path : paths) {
            query.setHint("eclipselink.left-join-fetch", path);
        }
        return query;
    }
}
