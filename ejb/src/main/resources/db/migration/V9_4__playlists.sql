-- Playlists, as PeerTube has them: owned by an account, published in one of its channels (a
-- public playlist must be), each with the absolute URL that is its ActivityPub id, so that remote
-- playlists sit beside local ones. Every user has a private Watch later playlist (type 2).
CREATE TABLE video_playlist (
    id                bigserial     PRIMARY KEY,
    uuid              uuid          NOT NULL UNIQUE,
    url               varchar(2000) NOT NULL UNIQUE,
    name              varchar(120)  NOT NULL,
    description       varchar(1000),
    privacy           smallint      NOT NULL CHECK (privacy IN (1, 2, 3)),
    type              smallint      NOT NULL CHECK (type IN (1, 2)),
    owner_account_id  bigint        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    channel_id        bigint        REFERENCES video_channel (id) ON DELETE CASCADE,
    -- null: no thumbnail; GENERATED: a copy of the first video's; CUSTOM: the owner's image
    thumbnail         varchar(16)   CHECK (thumbnail IN ('GENERATED', 'CUSTOM')),
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    CONSTRAINT video_playlist_public_in_channel CHECK (privacy <> 1 OR channel_id IS NOT NULL)
);
CREATE INDEX video_playlist_owner ON video_playlist (owner_account_id, created_at);
CREATE INDEX video_playlist_channel ON video_playlist (channel_id, created_at);
CREATE INDEX video_playlist_public ON video_playlist (created_at) WHERE privacy = 1;
CREATE UNIQUE INDEX video_playlist_watch_later ON video_playlist (owner_account_id) WHERE type = 2;

-- The videos of a playlist, at positions 1, 2, … (checked when a change commits, so that a
-- reorder moves many in one statement). A deleted video leaves its element, without a video.
CREATE TABLE video_playlist_element (
    id               bigserial     PRIMARY KEY,
    playlist_id      bigint        NOT NULL REFERENCES video_playlist (id) ON DELETE CASCADE,
    video_id         bigint        REFERENCES video (id) ON DELETE SET NULL,
    position         integer       NOT NULL CHECK (position >= 1),
    start_timestamp  integer       CHECK (start_timestamp >= 0),
    stop_timestamp   integer       CHECK (stop_timestamp >= 0),
    url              varchar(2000) NOT NULL UNIQUE,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    CONSTRAINT video_playlist_element_position UNIQUE (playlist_id, position) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT video_playlist_element_times CHECK (start_timestamp IS NULL OR stop_timestamp IS NULL
                                                   OR stop_timestamp > start_timestamp)
);
CREATE INDEX video_playlist_element_video ON video_playlist_element (video_id);

-- A playlist's thumbnail is its own file, removed by the janitor once the playlist is gone (whether
-- or not the playlist still shows it: a thumbnail the playlist stopped showing stays until then).
ALTER TABLE media_deletion DROP CONSTRAINT media_deletion_kind_check;
ALTER TABLE media_deletion ADD CONSTRAINT media_deletion_kind_check
    CHECK (kind IN ('VIDEO', 'HLS_PREFIX', 'ORIGINAL', 'WEB', 'TORRENT', 'UPLOAD', 'PLAYLIST'));

CREATE FUNCTION forget_playlist() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO kinema.media_deletion (kind, name) VALUES ('PLAYLIST', OLD.uuid::text);
    RETURN NULL;
END $$;
CREATE TRIGGER video_playlist_forget AFTER DELETE ON video_playlist FOR EACH ROW EXECUTE FUNCTION forget_playlist();

-- Every existing user gets their Watch later playlist, named under their account's public URL.
WITH owner AS (
    SELECT a.id, regexp_replace(ac.url, '/accounts/[^/]+$', '') AS public_url, gen_random_uuid() AS uuid
    FROM account a JOIN actor ac ON ac.id = a.actor_id
    WHERE a.user_id IS NOT NULL
)
INSERT INTO video_playlist (uuid, url, name, privacy, type, owner_account_id, created_at, updated_at)
SELECT uuid, public_url || '/video-playlists/' || uuid, 'Watch later', 3, 2, id, now(), now() FROM owner;
