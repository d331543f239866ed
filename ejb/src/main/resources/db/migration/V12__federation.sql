-- Federation, first slice: actors as ActivityPub needs them, the instance's own actor, the public
-- URL kept once, and the activities inboxes accepted.

-- PeerTube's instance actor is an Application; remote actors are cached here too.
ALTER TABLE actor DROP CONSTRAINT actor_type_check;
ALTER TABLE actor ADD CONSTRAINT actor_type_check CHECK (type IN ('Person', 'Group', 'Application'));

-- Keys as PEM text: the private key only for this instance's actors. A local actor gets its pair
-- the first time it is asked for one. The endpoints are stored, not derived, because a remote
-- actor names its own; fetched_at says when a remote actor was last read from its origin.
ALTER TABLE actor
    ADD COLUMN public_key        text,
    ADD COLUMN private_key       text,
    ADD COLUMN inbox_url         varchar(2000),
    ADD COLUMN shared_inbox_url  varchar(2000),
    ADD COLUMN outbox_url        varchar(2000),
    ADD COLUMN followers_url     varchar(2000),
    ADD COLUMN following_url     varchar(2000),
    ADD COLUMN fetched_at        timestamptz,
    ADD CONSTRAINT actor_private_key_is_local CHECK (private_key IS NULL OR host IS NULL);

UPDATE actor SET inbox_url = url || '/inbox',
                 outbox_url = url || '/outbox',
                 followers_url = url || '/followers',
                 following_url = url || '/following',
                 shared_inbox_url = regexp_replace(url, '/(accounts|video-channels)/[^/]+$', '') || '/inbox'
 WHERE host IS NULL;
ALTER TABLE actor ALTER COLUMN inbox_url SET NOT NULL;

-- A name is unique among this instance's actors only: another server may give one name to two
-- actors (Lemmy's user and community), which its URLs tell apart.
DROP INDEX actor_name_per_host;
CREATE UNIQUE INDEX actor_local_name ON actor (lower(preferred_username)) WHERE host IS NULL;
CREATE INDEX actor_remote_name ON actor (lower(preferred_username), lower(host)) WHERE host IS NOT NULL;

-- The instance itself: one row, holding the public URL every local actor's URL is built from.
-- A node configured with another public URL refuses to start (see PublicUrlGuard).
CREATE TABLE instance_identity (
    singleton   boolean       PRIMARY KEY DEFAULT true CHECK (singleton),
    public_url  varchar(2000) NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now()
);
-- An existing instance already has its URL baked into its actors: keep that one.
INSERT INTO instance_identity (public_url)
SELECT regexp_replace(url, '/(accounts|video-channels)/[^/]+$', '') FROM actor
 WHERE host IS NULL ORDER BY id LIMIT 1;

-- Activities whose HTTP signature was verified, kept until they are processed.
CREATE TABLE inbox_activity (
    id            bigserial     PRIMARY KEY,
    activity_id   varchar(2000),
    type          varchar(64)   NOT NULL,
    actor_url     varchar(2000) NOT NULL,
    signer_url    varchar(2000) NOT NULL,
    inbox         varchar(2000) NOT NULL,
    body          jsonb         NOT NULL,
    received_at   timestamptz   NOT NULL DEFAULT now(),
    processed_at  timestamptz
);
CREATE INDEX inbox_activity_waiting ON inbox_activity (id) WHERE processed_at IS NULL;
CREATE INDEX inbox_activity_by_id ON inbox_activity (activity_id);
