package org.kinema.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The orders one list offers, under PeerTube's sort names ({@code views} ascending, {@code -views}
 * descending), each naming the JPQL paths it orders by, a unique one last. Every path takes the
 * sort's direction, so one index on those columns serves both directions. Any other name is refused.
 */
public final class SortOrders {

    private final String fallback;
    private final Map<String, String> paths;

    private SortOrders(String fallback, Map<String, String> paths) {
        this.fallback = fallback;
        this.paths = paths;
        if (!paths.containsKey(fallback.replaceFirst("^-", ""))) {
            throw new IllegalArgumentException("The fallback " + fallback + " is not among " + paths.keySet());
        }
    }

    /** The orders in {@code namesAndPaths} (name, "path, path", name, …), and the one used when none is asked for. */
    public static SortOrders of(String fallback, String... namesAndPaths) {
        Map<String, String> paths = new LinkedHashMap<>();
        for (int i = 0; i < namesAndPaths.length; i += 2) {
            paths.put(namesAndPaths[i], namesAndPaths[i + 1]);
        }
        return new SortOrders(fallback, paths);
    }

    /** The JPQL {@code ORDER BY} clause for a page's sort; an unknown sort is a client error naming the known ones. */
    public String orderBy(Page page) {
        String sort = page.sort() == null || page.sort().isBlank() ? fallback : page.sort().trim();
        boolean descending = sort.startsWith("-");
        String columns = paths.get(descending ? sort.substring(1) : sort);
        if (columns == null) {
            throw DomainException.invalid("Unknown sort " + sort + ": this list sorts by " + String.join(", ", paths.keySet())
                    + " (ascending, or descending with a leading -)");
        }
        String direction = descending ? " DESC" : " ASC";
        return " ORDER BY " + String.join(direction + ", ", columns.split(",\\s*")) + direction;
    }
}
