-- Comments, shaped as ActivityPub objects: every comment has an absolute URL (its ActivityPub id)
-- and an owning account, so that remote ones can be stored beside local ones.

-- PeerTube's comments policy (1 enabled, 2 disabled, 3 requires approval) replaces a boolean.
ALTER TABLE video ADD COLUMN comments_policy smallint NOT NULL DEFAULT 1 CHECK (comments_policy IN (1, 2, 3));
UPDATE video SET comments_policy = 2 WHERE NOT comments_enabled;
ALTER TABLE video DROP COLUMN comments_enabled;
-- ... in the drafts of uploads in progress too
UPDATE upload_session
   SET draft = ((draft::jsonb - 'commentsEnabled')
                || jsonb_build_object('commentsPolicy', CASE WHEN draft::jsonb ->> 'commentsEnabled' = 'false' THEN 2 END))::text
 WHERE draft::jsonb ? 'commentsEnabled';

-- A comment: a thread's first comment (no origin) or a reply within a thread. A deleted comment
-- that has replies stays as a tombstone (deleted_at set, text and author gone). Its author's
-- account is local or remote; text is the Markdown its author wrote, html what readers get
-- (rendered and sanitised once, when it is written). A thread's first comment counts the replies
-- that readers see (neither deleted nor held for review), kept by the trigger below.
CREATE TABLE video_comment (
    id                               bigserial     PRIMARY KEY,
    url                              varchar(2000) NOT NULL UNIQUE,
    video_id                         bigint        NOT NULL REFERENCES video (id) ON DELETE CASCADE,
    origin_comment_id                bigint        REFERENCES video_comment (id) ON DELETE CASCADE,
    in_reply_to_comment_id           bigint        REFERENCES video_comment (id) ON DELETE CASCADE,
    account_id                       bigint        REFERENCES account (id) ON DELETE SET NULL,
    text                             text          NOT NULL,
    html                             text          NOT NULL,
    held_for_review                  boolean       NOT NULL DEFAULT false,
    total_replies                    integer       NOT NULL DEFAULT 0,
    total_replies_from_video_author  integer       NOT NULL DEFAULT 0,
    deleted_at                       timestamptz,
    created_at                       timestamptz   NOT NULL,
    updated_at                       timestamptz   NOT NULL,
    CHECK ((origin_comment_id IS NULL) = (in_reply_to_comment_id IS NULL)),
    CHECK (deleted_at IS NOT NULL OR account_id IS NOT NULL)
);
-- one index behind each sort of a video's threads, and the whole of a thread in order
CREATE INDEX video_comment_threads_newest ON video_comment (video_id, created_at DESC, id DESC) WHERE origin_comment_id IS NULL;
CREATE INDEX video_comment_threads_most_replied ON video_comment (video_id, total_replies DESC, id DESC) WHERE origin_comment_id IS NULL;
CREATE INDEX video_comment_thread ON video_comment (origin_comment_id, created_at, id);
CREATE INDEX video_comment_video ON video_comment (video_id, created_at DESC, id DESC);
CREATE INDEX video_comment_newest ON video_comment (created_at DESC, id DESC);
CREATE INDEX video_comment_in_reply_to ON video_comment (in_reply_to_comment_id);
CREATE INDEX video_comment_account ON video_comment (account_id);

-- How many threads and comments (not deleted) of each video everyone may see (none held for
-- review), kept by the trigger below, so that a page of threads needs no count of every comment.
CREATE TABLE video_comment_count (
    video_id  bigint   PRIMARY KEY REFERENCES video (id) ON DELETE CASCADE,
    threads   integer  NOT NULL DEFAULT 0,
    comments  integer  NOT NULL DEFAULT 0
);
-- ... and the few held for review, counted for those who see them
CREATE INDEX video_comment_held ON video_comment (video_id, account_id) WHERE held_for_review;

CREATE FUNCTION count_video_comments() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    thread_delta   integer := 0;
    comment_delta  integer := 0;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        thread_delta := thread_delta - (OLD.origin_comment_id IS NULL AND NOT OLD.held_for_review)::int;
        comment_delta := comment_delta - (OLD.deleted_at IS NULL AND NOT OLD.held_for_review)::int;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        thread_delta := thread_delta + (NEW.origin_comment_id IS NULL AND NOT NEW.held_for_review)::int;
        comment_delta := comment_delta + (NEW.deleted_at IS NULL AND NOT NEW.held_for_review)::int;
    END IF;
    IF thread_delta = 0 AND comment_delta = 0 THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        -- never a new row here: the video itself may be going
        UPDATE kinema.video_comment_count c SET threads = c.threads + thread_delta,
               comments = c.comments + comment_delta
         WHERE c.video_id = OLD.video_id;
    ELSE
        INSERT INTO kinema.video_comment_count AS c (video_id, threads, comments)
        VALUES (NEW.video_id, thread_delta, comment_delta)
        ON CONFLICT (video_id) DO UPDATE SET threads = c.threads + EXCLUDED.threads, comments = c.comments + EXCLUDED.comments;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER video_comment_counts AFTER INSERT OR DELETE OR UPDATE ON video_comment
    FOR EACH ROW EXECUTE FUNCTION count_video_comments();

-- Who a comment mentions (@name, or @name@host): the addressees of its future ActivityPub Note.
-- A mention of an account known here names it.
CREATE TABLE video_comment_mention (
    comment_id  bigint        NOT NULL REFERENCES video_comment (id) ON DELETE CASCADE,
    name        varchar(100)  NOT NULL,
    host        varchar(255),
    account_id  bigint        REFERENCES account (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX video_comment_mention_once ON video_comment_mention (comment_id, lower(name), coalesce(lower(host), ''));
CREATE INDEX video_comment_mention_account ON video_comment_mention (account_id);

-- The comments of a deleted account stay in their threads, as tombstones.
CREATE FUNCTION tombstone_orphan_comment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.account_id IS NULL AND OLD.account_id IS NOT NULL AND NEW.deleted_at IS NULL THEN
        NEW.deleted_at := now();
        NEW.text := '';
        NEW.html := '';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER video_comment_tombstone BEFORE UPDATE OF account_id ON video_comment
    FOR EACH ROW EXECUTE FUNCTION tombstone_orphan_comment();

-- A thread's counts of visible replies, and of those by the video's own account, follow every
-- insert, deletion, tombstone and approval of a reply (cascades included).
CREATE FUNCTION count_comment_replies() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    author        bigint;
    row_of        kinema.video_comment;
    was_visible   boolean := false;
    is_visible    boolean := false;
    was_author    boolean := false;
    is_author     boolean := false;
BEGIN
    row_of := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    IF row_of.origin_comment_id IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT c.account_id INTO author FROM kinema.video v JOIN kinema.video_channel c ON c.id = v.channel_id
     WHERE v.id = row_of.video_id;
    IF TG_OP <> 'INSERT' THEN
        was_visible := OLD.deleted_at IS NULL AND NOT OLD.held_for_review;
        was_author := was_visible AND OLD.account_id IS NOT DISTINCT FROM author;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        is_visible := NEW.deleted_at IS NULL AND NOT NEW.held_for_review;
        is_author := is_visible AND NEW.account_id IS NOT DISTINCT FROM author;
    END IF;
    IF was_visible <> is_visible OR was_author <> is_author THEN
        UPDATE kinema.video_comment
           SET total_replies = total_replies + is_visible::int - was_visible::int,
               total_replies_from_video_author = total_replies_from_video_author + is_author::int - was_author::int
         WHERE id = row_of.origin_comment_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER video_comment_replies AFTER INSERT OR DELETE OR UPDATE ON video_comment
    FOR EACH ROW EXECUTE FUNCTION count_comment_replies();

