-- Accounts, channels and OAuth, as PeerTube models them: every account and channel is an
-- ActivityPub actor, and actor names are unique per host (local actors have no host).

CREATE TABLE instance_settings (
    id                                  smallint PRIMARY KEY CHECK (id = 1),
    name                                varchar(120)  NOT NULL,
    short_description                   varchar(250)  NOT NULL,
    description                         text          NOT NULL,
    terms                               text          NOT NULL,
    signup_enabled                      boolean       NOT NULL,
    signup_limit                        integer       NOT NULL,
    signup_requires_email_verification  boolean       NOT NULL,
    default_video_quota                 bigint        NOT NULL,
    default_video_quota_daily           bigint        NOT NULL,
    p2p_enabled                         boolean       NOT NULL,
    updated_at                          timestamptz   NOT NULL
);

INSERT INTO instance_settings VALUES (1, 'Kinema', 'A Kinema video platform', '', '', false, -1, false,
                                      -1, -1, true, now());

CREATE TABLE actor (
    id                  bigserial     PRIMARY KEY,
    type                varchar(16)   NOT NULL CHECK (type IN ('Person', 'Group')),
    preferred_username  varchar(50)   NOT NULL,
    host                varchar(255),
    url                 varchar(2000) NOT NULL UNIQUE,
    followers_count     integer       NOT NULL DEFAULT 0,
    following_count     integer       NOT NULL DEFAULT 0,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL
);
CREATE UNIQUE INDEX actor_name_per_host ON actor (lower(preferred_username), coalesce(host, ''));

CREATE TABLE users (
    id                 bigserial     PRIMARY KEY,
    username           varchar(50)   NOT NULL,
    email              varchar(400)  NOT NULL,
    password_hash      varchar(255)  NOT NULL,
    role               smallint      NOT NULL CHECK (role IN (0, 1, 2)),
    video_quota        bigint        NOT NULL,
    video_quota_daily  bigint        NOT NULL,
    blocked            boolean       NOT NULL DEFAULT false,
    blocked_reason     varchar(250),
    email_verified     boolean       NOT NULL DEFAULT false,
    nsfw_policy        varchar(16)   NOT NULL DEFAULT 'blur',
    p2p_enabled        boolean       NOT NULL DEFAULT true,
    auto_play_video    boolean       NOT NULL DEFAULT true,
    last_login_date    timestamptz,
    created_at         timestamptz   NOT NULL
);
CREATE UNIQUE INDEX users_username ON users (lower(username));
CREATE UNIQUE INDEX users_email ON users (lower(email));

CREATE TABLE account (
    id            bigserial    PRIMARY KEY,
    actor_id      bigint       NOT NULL UNIQUE REFERENCES actor (id) ON DELETE CASCADE,
    user_id       bigint       UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    display_name  varchar(120) NOT NULL,
    description   varchar(1000),
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL
);

CREATE TABLE video_channel (
    id            bigserial    PRIMARY KEY,
    actor_id      bigint       NOT NULL UNIQUE REFERENCES actor (id) ON DELETE CASCADE,
    account_id    bigint       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    display_name  varchar(120) NOT NULL,
    description   varchar(1000),
    support       varchar(1000),
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL
);
CREATE INDEX video_channel_account ON video_channel (account_id);

-- The instance's own OAuth client, as PeerTube's web client and CLI expect to find it.
CREATE TABLE oauth_client (
    id             bigserial    PRIMARY KEY,
    client_id      varchar(32)  NOT NULL UNIQUE,
    client_secret  varchar(32)  NOT NULL,
    created_at     timestamptz  NOT NULL
);
INSERT INTO oauth_client (client_id, client_secret, created_at)
VALUES (substr(md5(random()::text) || md5(random()::text), 1, 32),
        substr(md5(random()::text) || md5(random()::text), 1, 32),
        now());

-- Tokens are kept only as SHA-256 hashes.
CREATE TABLE oauth_token (
    id                   bigserial   PRIMARY KEY,
    access_token_hash    char(64)    NOT NULL UNIQUE,
    refresh_token_hash   char(64)    NOT NULL UNIQUE,
    access_expires_at    timestamptz NOT NULL,
    refresh_expires_at   timestamptz NOT NULL,
    user_id              bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id            bigint      NOT NULL REFERENCES oauth_client (id) ON DELETE CASCADE,
    created_at           timestamptz NOT NULL
);
CREATE INDEX oauth_token_user ON oauth_token (user_id);
CREATE INDEX oauth_token_refresh_expiry ON oauth_token (refresh_expires_at);
