-- An index behind every order a list offers, both ways (the id breaks ties in the sort's own
-- direction), so that a page costs the same with a thousand videos as with a million. Lists of
-- public, published videos use partial indexes: their queries name privacy and state as
-- literals, which PostgreSQL needs to see to choose a partial index.

-- A video's account beside its channel, so that an index can order one account's videos. It
-- never goes stale: a video never changes channel, nor a channel its account.
ALTER TABLE video ADD COLUMN account_id bigint REFERENCES account (id) ON DELETE CASCADE;
UPDATE video v SET account_id = c.account_id FROM video_channel c WHERE c.id = v.channel_id;
ALTER TABLE video ALTER COLUMN account_id SET NOT NULL;

-- GET /videos: public and published (privacy 1, state 1).
DROP INDEX video_published;
CREATE INDEX video_listed_by_published ON video (published_at, id) WHERE privacy = 1 AND state = 1;
CREATE INDEX video_listed_by_created ON video (created_at, id) WHERE privacy = 1 AND state = 1;
CREATE INDEX video_listed_by_name ON video (name, id) WHERE privacy = 1 AND state = 1;
CREATE INDEX video_listed_by_duration ON video (duration, id) WHERE privacy = 1 AND state = 1;
CREATE INDEX video_listed_by_views ON video (views, id) WHERE privacy = 1 AND state = 1;
CREATE INDEX video_listed_by_likes ON video (likes, id) WHERE privacy = 1 AND state = 1;

-- GET /video-channels/{handle}/videos: one channel's public, published videos.
CREATE INDEX video_channel_listed_by_published ON video (channel_id, published_at, id) WHERE privacy = 1 AND state = 1;
CREATE INDEX video_channel_listed_by_created ON video (channel_id, created_at, id) WHERE privacy = 1 AND state = 1;
CREATE INDEX video_channel_listed_by_name ON video (channel_id, name, id) WHERE privacy = 1 AND state = 1;
CREATE INDEX video_channel_listed_by_duration ON video (channel_id, duration, id) WHERE privacy = 1 AND state = 1;
CREATE INDEX video_channel_listed_by_views ON video (channel_id, views, id) WHERE privacy = 1 AND state = 1;
CREATE INDEX video_channel_listed_by_likes ON video (channel_id, likes, id) WHERE privacy = 1 AND state = 1;

-- GET /users/me/videos (all of an account's videos) and GET /accounts/{name}/videos (its public,
-- published ones: almost all of them, filtered on the way).
CREATE INDEX video_account_by_published ON video (account_id, published_at, id);
CREATE INDEX video_account_by_created ON video (account_id, created_at, id);
CREATE INDEX video_account_by_name ON video (account_id, name, id);
CREATE INDEX video_account_by_duration ON video (account_id, duration, id);
CREATE INDEX video_account_by_views ON video (account_id, views, id);
CREATE INDEX video_account_by_likes ON video (account_id, likes, id);

-- The media store's public file names, looked up by the file servlet.
CREATE INDEX video_file_filename ON video_file (filename);
CREATE INDEX video_file_torrent_filename ON video_file (torrent_filename) WHERE torrent_filename IS NOT NULL;

-- GET /users (by id: the primary key).
CREATE INDEX users_by_username ON users (username, id);
CREATE INDEX users_by_created ON users (created_at, id);
CREATE INDEX users_by_last_login ON users (last_login_date, id);
CREATE INDEX users_by_role ON users (role, id);

-- GET /video-channels (by id: the primary key; by name: the actor's, the actor's id breaking ties).
CREATE INDEX video_channel_by_created ON video_channel (created_at, id);
CREATE INDEX video_channel_by_updated ON video_channel (updated_at, id);
CREATE INDEX actor_by_name ON actor (preferred_username, id);

-- GET /accounts/{name}/video-channels (by name, an account's few channels are sorted as found).
DROP INDEX video_channel_account;
CREATE INDEX video_channel_account ON video_channel (account_id, id);
CREATE INDEX video_channel_account_by_created ON video_channel (account_id, created_at, id);
CREATE INDEX video_channel_account_by_updated ON video_channel (account_id, updated_at, id);
