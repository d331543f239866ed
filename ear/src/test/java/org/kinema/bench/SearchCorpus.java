package org.kinema.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Public videos with names, descriptions and tags that read like real ones, written in bulk
 * straight into a node's PostgreSQL ({@code INSERT … SELECT} over {@code generate_series}): the
 * database's own triggers keep their search documents, as they do for uploads. Words are drawn
 * with a skew, so that some are common (in a fifth of the videos) and most are rare; a few carry
 * accents, and every description names two made-up places or people (rare words: about 60,000 of
 * them at 100,000 videos). Videos are published one after another, 26 minutes apart, as on an
 * instance that grows: the newest are the last rows of the table.
 *
 * <p>On its own (for trying queries by hand): {@code java -cp postgresql.jar SearchCorpus.java
 * JDBC_URL USER PASSWORD VIDEOS}.
 */
final class SearchCorpus {

    static final List<String> WORDS = List.of(
            "lecture", "introduction", "hydrology", "rivers", "climate", "history", "music", "concert", "piano",
            "guitar", "jazz", "tutorial", "cooking", "recipe", "bread", "pasta", "travel", "mountains", "ocean",
            "city", "walk", "night", "morning", "review", "unboxing", "linux", "kernel", "programming", "java",
            "python", "database", "postgresql", "search", "science", "physics", "chemistry", "biology",
            "astronomy", "galaxy", "planet", "mars", "moon", "garden", "flowers", "trees", "forest", "birds",
            "cats", "dogs", "documentary", "interview", "podcast", "episode", "season", "live", "stream", "game",
            "football", "tennis", "cycling", "marathon", "yoga", "meditation", "dance", "ballet", "theatre",
            "poetry", "novel", "painting", "drawing", "sculpture", "architecture", "bridge", "train", "railway",
            "aviation", "sailing", "boat", "fishing", "camping", "winter", "summer", "autumn", "spring",
            "festival", "wedding", "family", "school", "university", "course", "seminar", "workshop",
            "conference", "keynote", "talk", "debate", "news", "weather", "economy", "politics", "election",
            "energy", "solar", "wind", "nuclear", "electric", "bike", "repair", "woodworking", "knitting",
            "sewing", "photography", "camera", "film", "cinema", "animation", "cartoon", "comedy", "sketch",
            "trailer", "making", "guide", "beginners", "advanced", "tips", "tricks", "ancient", "rome", "greece",
            "egypt", "medieval", "castle", "revolution", "peace", "philosophy", "ethics", "mathematics",
            "algebra", "geometry", "statistics", "probability", "machine", "learning", "neural", "networks",
            "robotics", "space", "rocket", "satellite", "earth", "volcano", "earthquake", "glacier", "desert",
            "island", "beach", "coffee", "tea", "wine", "cheese", "chocolate", "bakery", "vegan", "kitchen",
            "market", "street", "food", "homemade", "classic", "modern", "quick", "easy", "healthy", "daily",
            "complete", "official", "original", "orchestra", "symphony", "violin", "choir", "opera", "folk",
            "electronics", "soldering", "microscope", "telescope", "fossils", "dinosaurs", "oceanography",
            "geology", "meteorology", "ecology", "wildlife", "safari", "penguins", "whales", "coral", "reef",
            "storm", "thunder", "rainbow", "sunrise", "sunset", "lighthouse", "harbour", "village", "valley",
            "canyon", "waterfall", "lake", "river", "delta", "estuary", "wetlands", "irrigation", "agriculture",
            "harvest", "vineyard", "orchard", "beekeeping", "honey", "compost", "permaculture", "recycling",
            "café", "crème", "brûlée", "éducation", "météo", "musée", "forêt", "été", "hôpital", "naïve",
            "façade", "jalapeño", "são", "paulo", "málaga", "zürich", "köln", "smörgåsbord", "piñata",
            "résumé", "élève", "théâtre", "château", "garçon", "señor", "niño", "crêpe", "fiancée");

    static final List<String> LINKS = List.of("the", "of", "and", "in", "on", "a", "with", "for", "to", "at",
            "from", "my", "our", "how", "why", "what", "part", "one", "two", "new");

    static final List<String> TAGS = List.of("education", "science", "music", "travel", "food", "gaming",
            "sports", "technology", "nature", "art", "history", "news", "comedy", "diy", "linux", "physics",
            "cooking", "jazz", "climate", "water", "space", "film", "animation", "podcast", "lecture", "tutorial",
            "documentary", "live", "français", "español", "deutsch", "kids", "health", "yoga", "garden",
            "photography", "architecture", "economy", "politics", "philosophy");

    /** Syllables of made-up proper names (places, people, products): three make a rare word. */
    static final List<String> SYLLABLES = List.of("ka", "lo", "mi", "ra", "ten", "vu", "zo", "pe", "shi", "dor",
            "an", "bel", "cor", "dra", "el", "fin", "gar", "hol", "is", "jun", "kel", "lim", "mor", "nar", "ost",
            "pra", "qui", "ros", "sul", "tor", "ul", "ven", "wes", "xan", "yor", "zel", "bri", "cha", "dun", "fel");

    private SearchCorpus() {
    }

    /**
     * Adds public videos (and 5 % of other privacies, which search must never show) until there are
     * {@code total} in all, over 200 local channels; reproducible for a given total.
     */
    static void seed(Connection db, int total) throws SQLException {
        db.setAutoCommit(true);
        try (Statement sql = db.createStatement()) {
            sql.execute("SET search_path TO kinema, public");
            sql.execute("SELECT setseed(" + (total % 1000) / 1000.0 + ")");
            if (!exists(db, "SELECT 1 FROM video_channel c JOIN actor a ON a.id = c.actor_id"
                    + " WHERE a.preferred_username = 'bench_channel_1'")) {
                sql.execute("INSERT INTO actor (type, preferred_username, host, url, inbox_url, created_at, updated_at)"
                        + " SELECT a.type, a.name, NULL, 'http://bench.invalid/' || a.name,"
                        + " 'http://bench.invalid/' || a.name || '/inbox', now(), now()"
                        + " FROM generate_series(1, 200) g, LATERAL (VALUES ('Person', 'bench_user_' || g),"
                        + " ('Group', 'bench_channel_' || g)) a(type, name)");
                sql.execute("INSERT INTO account (actor_id, display_name, created_at, updated_at)"
                        + " SELECT id, 'Bench ' || preferred_username, now(), now() FROM actor"
                        + " WHERE preferred_username LIKE 'bench\\_user\\_%'");
                sql.execute("INSERT INTO video_channel (actor_id, account_id, display_name, created_at, updated_at)"
                        + " SELECT c.id, acc.id, 'Channel ' || substr(c.preferred_username, 15), now(), now()"
                        + " FROM actor c JOIN actor u ON u.preferred_username = replace(c.preferred_username, 'channel', 'user')"
                        + " JOIN account acc ON acc.actor_id = u.id WHERE c.preferred_username LIKE 'bench\\_channel\\_%'");
            }
        }
        int existing = count(db, "SELECT count(*) FROM video");
        if (existing >= total) {
            return;
        }
        String insert = "INSERT INTO video (uuid, short_uuid, channel_id, name, description, privacy, category, licence,"
                + " language, nsfw, state, duration, original_size, views, likes, published_at, created_at, updated_at,"
                + " account_id)"
                + " SELECT u, replace(u::text, '-', ''), c.id, initcap(x.name), x.description,"
                + " CASE WHEN random() < 0.95 THEN 1 ELSE 2 + (g % 3) END, 1 + (g % 18), 1 + (g % 7),"
                + " (ARRAY['en', 'en', 'en', 'fr', 'de', 'es', NULL])[1 + g % 7], random() < 0.02, 1,"
                + " 10 + (random() ^ 3 * 7200)::int, 1000000, (random() ^ 6 * 1000000)::bigint, (random() ^ 6 * 10000)::bigint,"
                + " t, t, t, c.account_id"
                + " FROM generate_series(?, ?) g"
                + " CROSS JOIN LATERAL (SELECT gen_random_uuid() AS u, now() - (100000 - g) * interval '26 minutes' - random() * interval '20 minutes' AS t WHERE g > 0) r"
                + " JOIN video_channel c ON c.display_name = 'Channel ' || (1 + g % 200)"
                + " CROSS JOIN LATERAL (SELECT"
                + "   (SELECT string_agg(CASE WHEN i > 0 AND random() < 0.2 THEN l[1 + (random() * (cardinality(l) - 1))::int]"
                + "     ELSE w[1 + (random() ^ 1.5 * (cardinality(w) - 1))::int] END, ' ')"
                + "     FROM generate_series(1, 3 + g % 5) i) AS name,"
                + "   (SELECT string_agg(CASE WHEN i > 0 AND random() < 0.35 THEN l[1 + (random() * (cardinality(l) - 1))::int]"
                + "     ELSE w[1 + (random() ^ 1.2 * (cardinality(w) - 1))::int] END, ' ')"
                + "     FROM generate_series(1, 15 + g % 50) i) || ' ' || (SELECT string_agg(s[1 + (random() * (cardinality(s) - 1))::int] || CASE WHEN i = 3 THEN ' ' ELSE '' END, '')"
                + "     FROM generate_series(1, 6) i WHERE i > 0 AND g > 0) AS description"
                + "   FROM (SELECT ?::text[] AS w, ?::text[] AS l, ?::text[] AS s) v WHERE g > 0) x";
        String tags = "INSERT INTO video_tag (video_id, tag)"
                + " SELECT DISTINCT v.id, t[1 + (random() ^ 2 * (cardinality(t) - 1))::int]"
                + " FROM video v CROSS JOIN (SELECT ?::text[] AS t) tags, generate_series(1, 1 + (v.id % 4)::int) n"
                + " WHERE v.id > ? ON CONFLICT DO NOTHING";
        long lastId = count(db, "SELECT coalesce(max(id), 0) FROM video");
        try (PreparedStatement videos = db.prepareStatement(insert); PreparedStatement tagged = db.prepareStatement(tags)) {
            Array words = db.createArrayOf("text", WORDS.toArray());
            Array links = db.createArrayOf("text", LINKS.toArray());
            Array syllables = db.createArrayOf("text", SYLLABLES.toArray());
            for (int from = existing + 1; from <= total; from += 20_000) {
                videos.setInt(1, from);
                videos.setInt(2, Math.min(total, from + 19_999));
                videos.setArray(3, words);
                videos.setArray(4, links);
                videos.setArray(5, syllables);
                videos.executeUpdate();
            }
            tagged.setArray(1, db.createArrayOf("text", TAGS.toArray()));
            tagged.setLong(2, lastId);
            tagged.executeUpdate();
        }
        try (Statement sql = db.createStatement()) {
            // tagging rewrote every new video's row (its document gained the tags): compact them, as
            // a database that grew over time would be, rather than measure a table twice its size
            sql.execute("VACUUM (FULL, ANALYZE) kinema.video");
            sql.execute("VACUUM ANALYZE kinema.video_tag");
            sql.execute("VACUUM ANALYZE kinema.search_word");
        }
    }

    private static boolean exists(Connection db, String query) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            return rows.next();
        }
    }

    private static int count(Connection db, String query) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    public static void main(String[] args) throws SQLException {
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
            long started = System.nanoTime();
            seed(db, Integer.parseInt(args[3]));
            System.out.printf("%s videos in %.1f s%n", args[3], (System.nanoTime() - started) / 1e9);
        }
    }
}
