-- Ratings: one row per account and video, like or dislike (no row: no rating), each with the
-- absolute URL that is its ActivityPub id, so that remote accounts' ratings sit beside local ones.
-- A video's likes and dislikes are kept by the triggers below in the transaction that changes a
-- rating, so they always equal the rows (concurrent raters, cascades from deleted accounts).
CREATE TABLE video_rating (
    id          bigserial     PRIMARY KEY,
    account_id  bigint        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    video_id    bigint        NOT NULL REFERENCES video (id) ON DELETE CASCADE,
    type        varchar(8)    NOT NULL CHECK (type IN ('like', 'dislike')),
    url         varchar(2000) NOT NULL UNIQUE,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    UNIQUE (account_id, video_id)
);
CREATE INDEX video_rating_video ON video_rating (video_id);
CREATE INDEX video_rating_account_created ON video_rating (account_id, created_at);

CREATE FUNCTION count_video_rating() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    liked    integer := 0;
    disliked integer := 0;
    rated    bigint;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        liked := liked - (OLD.type = 'like')::integer;
        disliked := disliked - (OLD.type = 'dislike')::integer;
        rated := OLD.video_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        liked := liked + (NEW.type = 'like')::integer;
        disliked := disliked + (NEW.type = 'dislike')::integer;
        rated := NEW.video_id;
    END IF;
    UPDATE kinema.video SET likes = likes + liked, dislikes = dislikes + disliked WHERE id = rated;
    RETURN NULL;
END $$;
CREATE TRIGGER video_rating_counted AFTER INSERT OR DELETE ON video_rating
    FOR EACH ROW EXECUTE FUNCTION count_video_rating();
CREATE TRIGGER video_rating_recounted AFTER UPDATE OF type ON video_rating
    FOR EACH ROW WHEN (OLD.type IS DISTINCT FROM NEW.type) EXECUTE FUNCTION count_video_rating();
