-- What a node needs to share the database with other nodes safely.

-- The nodes using this database: a row per node name, renewed every few seconds while the node
-- runs. A node refuses to start under a name another live node holds; the installation that held
-- it last (the same server folder, restarted after a crash) takes it back at once.
CREATE TABLE node (
    name        varchar(100) PRIMARY KEY,
    install_id  char(32)     NOT NULL,
    started_at  timestamptz  NOT NULL,
    seen_at     timestamptz  NOT NULL
);

-- A transcoding lease is one claim: lease_id names it, so that a job whose lease ran out (and
-- was claimed by another job) can never renew, report or publish again, whichever node it is on.
ALTER TABLE video ADD COLUMN lease_id char(32);

-- Secrets the application draws from a CSPRNG at its first start, one per purpose.
CREATE TABLE instance_secret (
    purpose     varchar(32)  PRIMARY KEY,
    secret      bytea        NOT NULL,
    created_at  timestamptz  NOT NULL
);
ALTER TABLE instance_settings DROP COLUMN file_token_key;

-- What ffprobe says of a transcoded file (PeerTube's metadataUrl serves it).
ALTER TABLE video_file ADD COLUMN metadata text;

-- Files to delete from the media store. Rows are added in the transaction that removes what the
-- files belong to (by the triggers below, so that cascades are covered too), and taken by the
-- janitor once that transaction has committed: a crash between the two loses nothing. The
-- janitor knows where each kind of file lives; the database only names them.
CREATE TABLE media_deletion (
    id          bigserial    PRIMARY KEY,
    kind        varchar(16)  NOT NULL CHECK (kind IN ('VIDEO', 'HLS_PREFIX', 'ORIGINAL', 'WEB', 'TORRENT', 'UPLOAD')),
    name        varchar(300) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE FUNCTION forget_video_file() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.kind IN ('ORIGINAL', 'WEB') THEN
        INSERT INTO kinema.media_deletion (kind, name) VALUES (OLD.kind, OLD.filename);
    END IF;
    IF OLD.torrent_filename IS NOT NULL THEN
        INSERT INTO kinema.media_deletion (kind, name) VALUES ('TORRENT', OLD.torrent_filename);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER video_file_forget AFTER DELETE ON video_file FOR EACH ROW EXECUTE FUNCTION forget_video_file();

-- A deleted video takes its HLS folder and images; a new transcoding makes the old streams' files
-- (named by their prefix) garbage.
CREATE FUNCTION forget_video() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO kinema.media_deletion (kind, name) VALUES ('VIDEO', OLD.uuid::text);
    ELSIF OLD.hls_prefix IS NOT NULL AND OLD.hls_prefix IS DISTINCT FROM NEW.hls_prefix THEN
        INSERT INTO kinema.media_deletion (kind, name) VALUES ('HLS_PREFIX', OLD.uuid::text || '/' || OLD.hls_prefix);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER video_forget AFTER DELETE OR UPDATE OF hls_prefix ON video FOR EACH ROW EXECUTE FUNCTION forget_video();

CREATE FUNCTION forget_upload() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO kinema.media_deletion (kind, name) VALUES ('UPLOAD', OLD.id);
    RETURN NULL;
END $$;
CREATE TRIGGER upload_session_forget AFTER DELETE ON upload_session FOR EACH ROW EXECUTE FUNCTION forget_upload();

-- Originals are private: they are no longer seeded, so their torrents go.
INSERT INTO media_deletion (kind, name)
    SELECT 'TORRENT', torrent_filename FROM video_file WHERE kind = 'ORIGINAL' AND torrent_filename IS NOT NULL;
DELETE FROM tracker_swarm s USING video_file f
    WHERE f.kind = 'ORIGINAL' AND f.info_hash IS NOT NULL AND s.info_hash = lower(f.info_hash);
UPDATE video_file SET torrent_filename = NULL, info_hash = NULL WHERE kind = 'ORIGINAL';

-- The tracker serves only public and unlisted videos' swarms.
DELETE FROM tracker_swarm s USING video v WHERE s.video_id = v.id AND v.privacy NOT IN (1, 2);

-- Upload sessions count against the uploader's quota, and old ones expire.
CREATE INDEX upload_session_user ON upload_session (user_id);
CREATE INDEX upload_session_created ON upload_session (created_at);
