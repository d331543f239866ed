-- Follows (PeerTube's subscriptions), shaped as ActivityPub objects: every follow has an absolute
-- URL (its ActivityPub id) and joins two actors, so that remote ones can be stored beside local ones.

-- A follow: one actor follows another (a user's account follows a channel: a subscription).
-- Follows of this instance are accepted at once; a remote one waits for its answer.
CREATE TABLE actor_follow (
    id            bigserial     PRIMARY KEY,
    follower_id   bigint        NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    following_id  bigint        NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    state         varchar(16)   NOT NULL CHECK (state IN ('pending', 'accepted', 'rejected')),
    url           varchar(2000) NOT NULL UNIQUE,
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    UNIQUE (follower_id, following_id)
);
CREATE INDEX actor_follow_following ON actor_follow (following_id);

-- The actors' followers and following counts are those of their accepted follows, whatever
-- changes them (cascades included).
CREATE FUNCTION count_follows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.state = 'accepted' THEN
        UPDATE kinema.actor SET followers_count = followers_count - 1 WHERE id = OLD.following_id;
        UPDATE kinema.actor SET following_count = following_count - 1 WHERE id = OLD.follower_id;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.state = 'accepted' THEN
        UPDATE kinema.actor SET followers_count = followers_count + 1 WHERE id = NEW.following_id;
        UPDATE kinema.actor SET following_count = following_count + 1 WHERE id = NEW.follower_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER actor_follow_counts AFTER INSERT OR DELETE OR UPDATE OF state ON actor_follow
    FOR EACH ROW EXECUTE FUNCTION count_follows();

-- A subscription feed reads the public published videos of some channels, newest first.
CREATE INDEX video_public_by_channel ON video (channel_id, published_at DESC, id DESC) WHERE state = 1 AND privacy = 1;

