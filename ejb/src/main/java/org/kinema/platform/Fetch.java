package org.kinema.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Queries that read entities together with their to-one relations. EclipseLink runs here without
 * weaving and without a shared cache, so every to-one relation costs a select of its own unless it
 * is joined into the entity's select (a left-join-fetch hint). And EclipseLink writes a query's SQL
 * anew whenever a hint is set on it, which cost a sixth of the CPU of a request for one video: so
 * each such query is named in the persistence unit the first time, and its SQL written once.
 */
public final class Fetch {

    private static final Set<String> NAMED = ConcurrentHashMap.newKeySet();

    private Fetch() {
    }

    /** The query {@code jpql}, its entities read with the relations at {@code paths} (e.g. {@code c.account.actor}). */
    public static <T> TypedQuery<T> joined(EntityManager em, Class<T> type, String jpql, String... paths) {
        String name = jpql + " | " + String.join(", ", paths);
        if (!NAMED.contains(name)) {
            TypedQuery<T> query = em.createQuery(jpql, type);
            for (String path : paths) {
                query.setHint("eclipselink.left-join-fetch", path);
            }
            em.getEntityManagerFactory().addNamedQuery(name, query);
            NAMED.add(name);
        }
        return em.createNamedQuery(name, type);
    }

    /** As {@link #joined}, for entities only read: EclipseLink keeps no copy of them to find changes at commit. */
    public static <T> TypedQuery<T> readOnly(EntityManager em, Class<T> type, String jpql, String... paths) {
        return joined(em, type, jpql, paths).setHint("eclipselink.read-only", true);
    }

    /**
     * The entities of {@code type} (aliased {@code alias}) with these ids, in this order, read-only
     * with the relations at {@code paths}; any deleted meanwhile is left out. Lists read a page of
     * ids first: PostgreSQL plans a query whose LIMIT is a bind parameter anew every time, and a
     * page of ids alone plans ten times faster than one joined to its relations.
     */
    public static <T> List<T> byIds(EntityManager em, Class<T> type, String alias, List<Long> ids, Function<T, Long> idOf,
                                    String... paths) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String jpql = "SELECT " + alias + " FROM " + type.getSimpleName() + " " + alias + " WHERE " + alias + ".id IN :ids";
        Map<Long, T> found = readOnly(em, type, jpql, paths).setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(idOf, entity -> entity));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }
}
