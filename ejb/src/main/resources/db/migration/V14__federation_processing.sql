-- Federation, second slice: activities taken from inboxes are processed by workers on every node,
-- and videos of other instances are kept as metadata that plays from their origin.

-- An accepted activity waits until next_attempt_at; a worker that takes it pushes that time past
-- its lease, so a node dying mid-way leaves it to another. A failure is kept with its error and
-- retried later; after the last attempt the activity is marked processed with its error kept.
ALTER TABLE inbox_activity
    ADD COLUMN attempts         integer       NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at  timestamptz   NOT NULL DEFAULT now(),
    ADD COLUMN last_error       varchar(1000);
DROP INDEX inbox_activity_waiting;
CREATE INDEX inbox_activity_waiting ON inbox_activity (next_attempt_at, id) WHERE processed_at IS NULL;

-- A video of another instance: its ActivityPub id, and where its streams and images are at the
-- origin (its files' URLs are on video_file). Local videos have none of these.
ALTER TABLE video
    ADD COLUMN url                   varchar(2000) UNIQUE,
    ADD COLUMN remote_playlist_url   varchar(2000),
    ADD COLUMN remote_segments_url   varchar(2000),
    ADD COLUMN remote_thumbnail_url  varchar(2000);
ALTER TABLE video_file ADD COLUMN remote_url varchar(2000);
