-- Search, in PostgreSQL: a full-text document per video that the database keeps up to date
-- (its name weighs most, then its tags, then its description), words compared without their
-- accents, and the vocabulary of all those words with a trigram index, through which a misspelt
-- word or a short prefix is widened to the known words it most likely means before the full-text
-- index is asked. One index holds the document with the values search filters on (tags,
-- category, licence, language), so that a common word and a narrow filter meet in the index, not
-- row by row. Only public, published videos are ever searched, so the video index holds only
-- those (queries name privacy = 1 AND state = 1 as literals, which PostgreSQL needs to see to use
-- a partial index). Channels are found by trigrams of their names.

-- All three are trusted extensions (PostgreSQL 13 and later): the database's owner may create them.
-- They go to public, which is on every connection's search_path, so that their operators resolve.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA public;

-- unaccent() is only STABLE (its rules file could change); with the dictionary named and bound at
-- creation, this one may be IMMUTABLE and so serve in indexes. Re-index if unaccent.rules changes.
CREATE FUNCTION immutable_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN public.unaccent('public.unaccent'::regdictionary, $1);

-- The words of a text, language-neutral ('simple': no stemming, no stop words), without accents.
CREATE FUNCTION search_words(text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN to_tsvector('pg_catalog.simple', kinema.immutable_unaccent(coalesce($1, '')));

CREATE FUNCTION video_search_document(name text, tags text, description text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN setweight(kinema.search_words(name), 'A') || setweight(kinema.search_words(tags), 'B')
        || setweight(kinema.search_words(description), 'C');

ALTER TABLE video ADD COLUMN search_document tsvector;
-- Its tags in lower case, for tagsOneOf and tagsAllOf.
ALTER TABLE video ADD COLUMN search_tags text[];

-- Every word of every video's document (3 to 30 characters), for widening a search's words. It
-- only grows: a word no video uses any more widens a search to nothing.
CREATE TABLE search_word (
    word  text COLLATE "C" PRIMARY KEY
);
CREATE FUNCTION learn_words(document tsvector) RETURNS void LANGUAGE sql AS $$
    INSERT INTO kinema.search_word (word)
    SELECT lexeme FROM unnest(document) WHERE length(lexeme) BETWEEN 3 AND 30
    ON CONFLICT DO NOTHING
$$;

-- A video's own row: its document follows its name and description.
CREATE FUNCTION index_video() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tag_words text;
BEGIN
    SELECT string_agg(t.tag, ' '), array_agg(DISTINCT lower(t.tag)) INTO tag_words, NEW.search_tags
      FROM kinema.video_tag t WHERE t.video_id = NEW.id;
    NEW.search_document := kinema.video_search_document(NEW.name, tag_words, NEW.description);
    PERFORM kinema.learn_words(NEW.search_document);
    RETURN NEW;
END $$;
CREATE TRIGGER video_index BEFORE INSERT OR UPDATE OF name, description ON video
    FOR EACH ROW EXECUTE FUNCTION index_video();

-- Its tags: once per statement, for every video whose tags the statement changed.
CREATE FUNCTION index_video_tags() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE kinema.video v
       SET search_document = kinema.video_search_document(v.name, tagged.words, v.description),
           search_tags = tagged.tags
      FROM (SELECT changed.video_id, string_agg(t.tag, ' ') AS words,
                   array_agg(DISTINCT lower(t.tag)) FILTER (WHERE t.tag IS NOT NULL) AS tags
              FROM (SELECT DISTINCT video_id FROM changed_tags) changed
              LEFT JOIN kinema.video_tag t ON t.video_id = changed.video_id
             GROUP BY changed.video_id) tagged
     WHERE v.id = tagged.video_id;
    IF TG_OP <> 'DELETE' THEN
        PERFORM kinema.learn_words(kinema.search_words(tag)) FROM (SELECT DISTINCT tag FROM changed_tags) t;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER video_tag_added AFTER INSERT ON video_tag REFERENCING NEW TABLE AS changed_tags
    FOR EACH STATEMENT EXECUTE FUNCTION index_video_tags();
CREATE TRIGGER video_tag_changed AFTER UPDATE ON video_tag REFERENCING NEW TABLE AS changed_tags
    FOR EACH STATEMENT EXECUTE FUNCTION index_video_tags();
CREATE TRIGGER video_tag_removed AFTER DELETE ON video_tag REFERENCING OLD TABLE AS changed_tags
    FOR EACH STATEMENT EXECUTE FUNCTION index_video_tags();

UPDATE video v SET search_document = video_search_document(v.name, tagged.words, v.description), search_tags = tagged.tags
  FROM (SELECT video_id, string_agg(tag, ' ') AS words, array_agg(DISTINCT lower(tag)) AS tags
          FROM video_tag GROUP BY video_id) tagged
 WHERE v.id = tagged.video_id;
UPDATE video SET search_document = video_search_document(name, NULL, description) WHERE search_document IS NULL;
SELECT learn_words(search_document) FROM video;

-- Without GIN's pending list (fastupdate): every search would read all entries written since
-- the last vacuum one by one; videos and new words are written far less often than searched.
CREATE INDEX video_search ON video USING gin (search_document, search_tags, category, licence, language)
    WITH (fastupdate = off) WHERE privacy = 1 AND state = 1;
CREATE INDEX search_word_trigrams ON search_word USING gin (word public.gin_trgm_ops) WITH (fastupdate = off);

-- The known words a search's word most likely means when the vocabulary does not know it: the
-- three closest by trigrams (a misspelling) and the three shortest it begins (a prefix). Its
-- plans are kept per connection, as PL/pgSQL keeps them.
CREATE FUNCTION words_like(word text) RETURNS SETOF text LANGUAGE plpgsql STABLE
    SET search_path = public, pg_catalog SET pg_trgm.similarity_threshold = 0.4 AS $$
BEGIN
    IF length(word) < 3 OR EXISTS (SELECT 1 FROM kinema.search_word k WHERE k.word = words_like.word) THEN
        RETURN;
    END IF;
    RETURN QUERY SELECT w.word FROM kinema.search_word w WHERE w.word % words_like.word
        ORDER BY similarity(w.word, words_like.word) DESC, w.word LIMIT 3;
    RETURN QUERY SELECT w.word FROM kinema.search_word w
        WHERE w.word >= words_like.word AND w.word < words_like.word || chr(1114111)
        ORDER BY length(w.word), w.word LIMIT 3;
END $$;

-- Channels by display name and by name (actor names are plain ASCII: no accents to remove).
CREATE INDEX video_channel_display_name_trigrams ON video_channel
    USING gin (immutable_unaccent(display_name) public.gin_trgm_ops);
CREATE INDEX actor_name_trigrams ON actor USING gin (preferred_username public.gin_trgm_ops);

-- Results sorted by another column than relevance walk that column's index, newest or largest
-- first, until enough match. These are the indexes video lists sort by; IF NOT EXISTS, because
-- the lists' own migration makes the same ones under the same names.
CREATE INDEX IF NOT EXISTS video_listed_by_created ON video (created_at, id) WHERE privacy = 1 AND state = 1;
CREATE INDEX IF NOT EXISTS video_listed_by_name ON video (name, id) WHERE privacy = 1 AND state = 1;
CREATE INDEX IF NOT EXISTS video_listed_by_duration ON video (duration, id) WHERE privacy = 1 AND state = 1;
CREATE INDEX IF NOT EXISTS video_listed_by_views ON video (views, id) WHERE privacy = 1 AND state = 1;
CREATE INDEX IF NOT EXISTS video_listed_by_likes ON video (likes, id) WHERE privacy = 1 AND state = 1;
