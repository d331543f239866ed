package org.kinema.search;

import org.kinema.platform.DomainException;

import java.util.Map;

/**
 * How search results are ordered, under PeerTube's sort names ({@code name} ascending,
 * {@code -views} descending). {@code match} is relevance: best first when descending.
 *
 * @param name       the sort's name without its sign
 * @param column     the SQL column it orders by, or null for {@code match}
 * @param descending whether it was asked with a leading {@code -}
 */
public record SearchOrder(String name, String column, boolean descending) {

    static final String MATCH = "match";

    /** PeerTube's video search sorts. Kinema keeps no original publication date: that sort is by publication. */
    static final Map<String, String> VIDEOS = Map.of(MATCH, "", "name", "v.name", "duration", "v.duration",
            "createdAt", "v.created_at", "publishedAt", "v.published_at", "originallyPublishedAt", "v.published_at",
            "views", "v.views", "likes", "v.likes");

    /** PeerTube's channel (and playlist) search sorts. */
    static final Map<String, String> CHANNELS = Map.of(MATCH, "", "displayName", "c.display_name",
            "createdAt", "c.created_at");

    /** The order asked for ({@code -match} when none is); an unknown one is refused, naming the known ones. */
    static SearchOrder parse(String sort, Map<String, String> columns) {
        String asked = sort == null || sort.isBlank() ? "-" + MATCH : sort.strip();
        boolean descending = asked.startsWith("-");
        String name = descending ? asked.substring(1) : asked;
        String column = columns.get(name);
        if (column == null) {
            throw DomainException.invalid("Unknown sort " + (asked.length() > 40 ? asked.substring(0, 40) + "…" : asked)
                    + ": search results sort by " + String.join(", ", columns.keySet().stream().sorted().toList())
                    + " (ascending, or descending with a leading -)");
        }
        return new SearchOrder(name, column.isEmpty() ? null : column, descending);
    }

    public static SearchOrder ofVideos(String sort) {
        return parse(sort, VIDEOS);
    }

    public static SearchOrder ofChannels(String sort) {
        return parse(sort, CHANNELS);
    }

    /** Playlists sort as channels do, by PeerTube's same names. */
    public static SearchOrder ofPlaylists(String sort) {
        return parse(sort, CHANNELS);
    }

    public boolean isMatch() {
        return column == null;
    }

    /** {@code ORDER BY} terms: the column (or {@code fallback} for match), then {@code id}, both in this direction. */
    String sql(String fallback, String id) {
        String direction = descending ? " DESC" : " ASC";
        return (column == null ? fallback : column) + direction + ", " + id + direction;
    }
}
