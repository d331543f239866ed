-- Videos, their files, and uploads in progress. The video row doubles as the durable
-- transcoding queue: any node claims a video to transcode with a lease that it renews while it
-- works, so a job stopped by a crash is taken up again once its lease runs out.

CREATE TABLE video (
    id                     bigserial     PRIMARY KEY,
    uuid                   uuid          NOT NULL UNIQUE,
    short_uuid             varchar(32)   NOT NULL UNIQUE,
    channel_id             bigint        NOT NULL REFERENCES video_channel (id) ON DELETE CASCADE,
    name                   varchar(120)  NOT NULL,
    description            varchar(10000),
    support                varchar(1000),
    privacy                smallint      NOT NULL CHECK (privacy IN (1, 2, 3, 4)),
    category               integer,
    licence                integer,
    language               varchar(16),
    nsfw                   boolean       NOT NULL DEFAULT false,
    comments_enabled       boolean       NOT NULL DEFAULT true,
    download_enabled       boolean       NOT NULL DEFAULT true,
    wait_transcoding       boolean       NOT NULL DEFAULT true,
    state                  smallint      NOT NULL,
    failure_reason         varchar(2000),
    transcoding_progress   smallint      NOT NULL DEFAULT 0,
    lease_owner            varchar(200),
    lease_until            timestamptz,
    hls_prefix             varchar(32),
    duration               integer       NOT NULL DEFAULT 0,
    aspect_ratio           real,
    original_filename      varchar(255),
    original_size          bigint        NOT NULL,
    has_custom_thumbnail   boolean       NOT NULL DEFAULT false,
    has_custom_preview     boolean       NOT NULL DEFAULT false,
    views                  bigint        NOT NULL DEFAULT 0,
    likes                  bigint        NOT NULL DEFAULT 0,
    dislikes               bigint        NOT NULL DEFAULT 0,
    published_at           timestamptz,
    created_at             timestamptz   NOT NULL,
    updated_at             timestamptz   NOT NULL
);
CREATE INDEX video_channel_idx ON video (channel_id);
CREATE INDEX video_to_transcode ON video (id) WHERE state = 2;
CREATE INDEX video_published ON video (published_at DESC) WHERE state = 1;

CREATE TABLE video_tag (
    video_id  bigint       NOT NULL REFERENCES video (id) ON DELETE CASCADE,
    tag       varchar(30)  NOT NULL,
    PRIMARY KEY (video_id, tag)
);

-- ORIGINAL: the uploaded file, kept as it came; WEB: a downloadable MP4; HLS: one rendition.
CREATE TABLE video_file (
    id                bigserial     PRIMARY KEY,
    video_id          bigint        NOT NULL REFERENCES video (id) ON DELETE CASCADE,
    kind              varchar(16)   NOT NULL CHECK (kind IN ('ORIGINAL', 'WEB', 'HLS')),
    resolution        integer       NOT NULL,
    width             integer       NOT NULL DEFAULT 0,
    height            integer       NOT NULL DEFAULT 0,
    fps               real          NOT NULL DEFAULT 0,
    bitrate           bigint        NOT NULL DEFAULT 0,
    size              bigint        NOT NULL,
    filename          varchar(255)  NOT NULL,
    torrent_filename  varchar(255),
    info_hash         char(40),
    has_audio         boolean       NOT NULL DEFAULT true,
    has_video         boolean       NOT NULL DEFAULT true,
    codecs            varchar(100),
    created_at        timestamptz   NOT NULL
);
CREATE INDEX video_file_video ON video_file (video_id);

-- A resumable upload: its metadata here, its bytes in the media store (uploads/{id}).
CREATE TABLE upload_session (
    id             varchar(64)   PRIMARY KEY,
    user_id        bigint        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    draft          text          NOT NULL,
    filename       varchar(255)  NOT NULL,
    file_size      bigint        NOT NULL,
    created_at     timestamptz   NOT NULL
);

-- The key that signs short-lived tokens for the files of private and internal videos.
ALTER TABLE instance_settings ADD COLUMN file_token_key varchar(64) NOT NULL DEFAULT md5(random()::text || clock_timestamp()::text);
