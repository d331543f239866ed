package org.kinema.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.kinema.channel.VideoChannel;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.video.ShortUuid;
import org.kinema.video.Video;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The search queries, in SQL (full text and trigrams are PostgreSQL's, beyond JPQL): they find the
 * ids of a page of results and its total; the entities are then loaded by id.
 *
 * <p>A video search ranks at most {@link #MAX_RESULTS} candidates: the newest public, published
 * videos that match every word, so that a word common to half the videos costs no more than a rare
 * one. PostgreSQL finds them either by walking videos newest first (common words) or through the
 * full-text index (rare words); which is cheaper depends on the words, so every search is planned
 * for its own words, never with a cached generic plan.
 */
@ApplicationScoped
public class SearchRepository {

    /** A search answers at most this many results: the ones it ranks. Its total counts no more. */
    public static final int MAX_RESULTS = 500;
    /** Words of a search that count; any more are left out. */
    static final int MAX_WORDS = 16;

    /**
     * The words of the search as the documents hold them (lower case, without accents), each with
     * the known words it most likely means when the vocabulary does not know it.
     */
    private static final String WIDENED_WORDS = "SELECT t.lexeme, a.word"
            + " FROM (SELECT lexeme FROM unnest(kinema.search_words(?)) LIMIT " + MAX_WORDS + ") t"
            + " LEFT JOIN LATERAL kinema.words_like(t.lexeme) a(word) ON true";

    private static final String VIDEO_LOCAL = " EXISTS (SELECT 1 FROM kinema.video_channel c JOIN kinema.actor a"
            + " ON a.id = c.actor_id WHERE c.id = v.channel_id AND a.host IS NULL)";
    /** A channel (c), its actor (ca), its account (acc) and the account's actor (aa). */
    private static final String CHANNEL_AND_OWNER = " kinema.video_channel c JOIN kinema.actor ca ON ca.id = c.actor_id"
            + " JOIN kinema.account acc ON acc.id = c.account_id JOIN kinema.actor aa ON aa.id = acc.actor_id";
    /** The local channel or account of this name. */
    private static final String NAMED = " AND ca.host IS NULL AND (lower(ca.preferred_username) = ? OR lower(aa.preferred_username) = ?)";
    /** The channel or account of another instance by its handle (name, host, name). */
    private static final String NAMED_REMOTE = " AND ca.host IS NOT NULL AND ((lower(ca.preferred_username) = lower(?) AND ca.host = ?)"
            + " OR (lower(aa.preferred_username) = lower(?) AND aa.host = ?))";
    private static final String VIDEO_OF_NAMED = " AND v.channel_id IN (SELECT c.id FROM" + CHANNEL_AND_OWNER + " WHERE true"
            + NAMED + ")";

    private static final String CHANNELS = "SELECT c.id, count(*) OVER () FROM" + CHANNEL_AND_OWNER + " WHERE true";
    /** Like the words: close by trigrams (a misspelling, a prefix), or holding them as they are. */
    private static final String CHANNEL_LIKE = " AND (kinema.immutable_unaccent(?) <% kinema.immutable_unaccent(c.display_name)"
            + " OR kinema.immutable_unaccent(?) <% ca.preferred_username"
            + " OR kinema.immutable_unaccent(c.display_name) ILIKE kinema.immutable_unaccent(?) OR ca.preferred_username ILIKE ?)";
    private static final String CHANNEL_MATCH = "greatest(word_similarity(kinema.immutable_unaccent(?),"
            + " kinema.immutable_unaccent(c.display_name)), word_similarity(kinema.immutable_unaccent(?), ca.preferred_username))";

    @Resource(lookup = "java:jboss/datasources/KinemaDS")
    private DataSource dataSource;

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    /** A page of public, published videos that match the search, best first (or in the order asked). */
    public PageResult<Video> videos(VideoSearch search, Page page) {
        try (Connection db = dataSource.getConnection()) {
            String fullText = fullTextQuery(db, search.text().words());
            Sql where = videosWhere(db, search, fullText);
            SearchOrder order = search.order();
            boolean ranked = order.isMatch() && fullText != null;
            String direction = order.descending() ? " DESC" : " ASC";
            Sql query = new Sql("SELECT m.id, count(*) OVER () FROM (SELECT v.id, "
                    + (order.isMatch() ? "v.published_at" : order.column()) + " AS sorted"
                    + (ranked ? ", v.search_document" : "") + " FROM kinema.video v")
                    .add(where)
                    .add(" ORDER BY " + (ranked ? "v.published_at DESC, v.id DESC" : order.sql("v.published_at", "v.id"))
                            + " LIMIT " + MAX_RESULTS + ") m ORDER BY ");
            if (ranked) {
                query.add("ts_rank_cd(m.search_document, CAST(? AS tsquery), 1)" + direction + ", ", fullText);
            }
            query.add("m.sorted" + direction + ", m.id" + direction);
            PageResult<Long> ids = idsPage(db, query, page);
            return new PageResult<>(ids.total(), ids.items().isEmpty() ? List.of()
                    : ordered(ids.items(), fetched(em.createQuery("SELECT v FROM Video v WHERE v.id IN :ids", Video.class),
                    "v.channel", "v.channel.actor", "v.channel.account", "v.channel.account.actor")
                    .setParameter("ids", ids.items()).getResultList(), Video::id));
        } catch (SQLException e) {
            throw new IllegalStateException("Video search failed", e);
        }
    }

    /** Public, published videos that match the words, the object named and every filter. */
    private static Sql videosWhere(Connection db, VideoSearch search, String fullText) throws SQLException {
        SearchText text = search.text();
        // a video named by its URL at another instance is found unlisted too, as PeerTube shows what it fetched
        Sql where = new Sql(text.remoteUrl() != null ? " WHERE v.privacy IN (1, 2) AND v.state = 1" : " WHERE v.privacy = 1 AND v.state = 1")
                .addIf(fullText, " AND v.search_document @@ CAST(? AS tsquery)")
                .addIf(text.videoId() == null ? null : uuid(text.videoId()), " AND v.uuid = ?");
        if (text.actorName() != null) {
            where.add(VIDEO_OF_NAMED, text.actorName(), text.actorName());
        }
        if (text.remoteUrl() != null) {
            where.add(" AND v.url = ?", text.remoteUrl());
        }
        if (text.remoteHandle() != null) {
            SearchText.RemoteHandle handle = text.remoteHandle();
            where.add(" AND v.channel_id IN (SELECT c.id FROM" + CHANNEL_AND_OWNER + " WHERE true" + NAMED_REMOTE + ")",
                    handle.name(), handle.host(), handle.name(), handle.host());
        }
        boolean wordless = !text.words().isEmpty() && fullText == null;
        if (text.nothing() || wordless || text.videoId() != null && uuid(text.videoId()) == null
                || search.originallyPublishedStartDate() != null || search.originallyPublishedEndDate() != null) {
            where.add(" AND false");
        }
        if (!search.tagsOneOf().isEmpty()) {
            where.add(" AND v.search_tags && ?", db.createArrayOf("text", search.tagsOneOf().toArray()));
        }
        if (!search.tagsAllOf().isEmpty()) {
            where.add(" AND v.search_tags @> ?", db.createArrayOf("text", search.tagsAllOf().toArray()));
        }
        if (!search.categories().isEmpty()) {
            where.add(" AND v.category = ANY (?)", db.createArrayOf("integer", search.categories().toArray()));
        }
        if (!search.licences().isEmpty()) {
            where.add(" AND v.licence = ANY (?)", db.createArrayOf("integer", search.licences().toArray()));
        }
        if (!search.languages().isEmpty()) {
            where.add(" AND (v.language = ANY (?)" + (search.languages().contains(VideoSearch.UNKNOWN_LANGUAGE)
                    ? " OR v.language IS NULL)" : ")"), db.createArrayOf("text", search.languages().toArray()));
        }
        if (search.local() != null) {
            where.add(search.local() ? " AND" + VIDEO_LOCAL : " AND NOT" + VIDEO_LOCAL);
        }
        return where.addIf(search.nsfw(), " AND v.nsfw = ?")
                .addIf(search.durationMin(), " AND v.duration >= ?")
                .addIf(search.durationMax(), " AND v.duration <= ?")
                .addIf(search.startDate(), " AND v.published_at >= ?")
                .addIf(search.endDate(), " AND v.published_at <= ?");
    }

    /** A page of channels whose name or display name is like the words, or that the handle or URL names. */
    public PageResult<VideoChannel> channels(SearchText text, SearchOrder order, Page page) {
        try (Connection db = dataSource.getConnection()) {
            Sql query = new Sql(CHANNELS);
            String words = text.words();
            if (!words.isEmpty()) {
                String like = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                query.add(CHANNEL_LIKE, words, words, like, like);
            }
            if (text.actorName() != null) {
                query.add(NAMED, text.actorName(), text.actorName());
            }
            if (text.remoteUrl() != null) {
                query.add(" AND ca.url = ?", text.remoteUrl());
            }
            if (text.remoteHandle() != null) {
                SearchText.RemoteHandle handle = text.remoteHandle();
                query.add(NAMED_REMOTE, handle.name(), handle.host(), handle.name(), handle.host());
            }
            if (text.videoId() != null || text.nothing()) {
                query.add(" AND false");
            }
            String direction = order.descending() ? " DESC" : " ASC";
            if (order.isMatch() && !words.isEmpty()) {
                query.add(" ORDER BY " + CHANNEL_MATCH + direction + ", c.id" + direction, words, words);
            } else {
                query.add(" ORDER BY " + order.sql("c.created_at", "c.id"));
            }
            PageResult<Long> ids = idsPage(db, query, page);
            return new PageResult<>(ids.total(), ids.items().isEmpty() ? List.of()
                    : ordered(ids.items(), fetched(em.createQuery("SELECT c FROM VideoChannel c WHERE c.id IN :ids",
                            VideoChannel.class), "c.actor", "c.account", "c.account.actor")
                    .setParameter("ids", ids.items()).getResultList(), VideoChannel::id));
        } catch (SQLException e) {
            throw new IllegalStateException("Channel search failed", e);
        }
    }

    /**
     * The full-text query for the words: all of them, each widened to the known words it most likely
     * means when the vocabulary does not know it; null when the words hold none.
     */
    String fullTextQuery(Connection db, String words) throws SQLException {
        if (words.isBlank()) {
            return null;
        }
        Map<String, List<String>> alternatives = new LinkedHashMap<>();
        try (PreparedStatement statement = db.prepareStatement(WIDENED_WORDS)) {
            statement.setString(1, words);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<String> known = alternatives.computeIfAbsent(rows.getString(1), word -> new ArrayList<>());
                    if (rows.getString(2) != null) {
                        known.add(rows.getString(2));
                    }
                }
            }
        }
        return FullTextQuery.of(alternatives);
    }

    /**
     * Runs a query of ids and totals for a page; when the page lies past the end, once more for the
     * total. Every search is planned for its own values (see the class comment).
     */
    private static PageResult<Long> idsPage(Connection db, Sql query, Page page) throws SQLException {
        try (PreparedStatement plans = db.prepareStatement("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")) {
            plans.execute();
        }
        List<Long> ids = new ArrayList<>();
        long total = 0;
        try (PreparedStatement statement = query.prepare(db, " LIMIT ? OFFSET ?", page.count(), page.start());
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
                total = rows.getLong(2);
            }
        }
        if (ids.isEmpty() && page.start() > 0) {
            try (PreparedStatement statement = query.prepare(db, " LIMIT 1");
                 ResultSet rows = statement.executeQuery()) {
                total = rows.next() ? rows.getLong(2) : 0;
            }
        }
        return new PageResult<>(total, ids);
    }

    /** Loads what each result shows in its own select (EclipseLink, unwoven, would fetch each relation apart). */
    private static <T> TypedQuery<T> fetched(TypedQuery<T> query, String... paths) {
        for (String path : paths) {
            query.setHint("eclipselink.left-join-fetch", path);
        }
        return query;
    }

    /** The entities in the order of their ids. */
    private static <T> List<T> ordered(List<Long> ids, List<T> entities, Function<T, Long> id) {
        Map<Long, T> byId = new LinkedHashMap<>();
        entities.forEach(entity -> byId.put(id.apply(entity), entity));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static UUID uuid(String id) {
        try {
            return id.length() == 36 ? UUID.fromString(id) : ShortUuid.toUuid(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
