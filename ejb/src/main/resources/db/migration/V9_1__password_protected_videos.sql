-- Password-protected videos, PeerTube's privacy 5: listed nowhere (as unlisted ones), watched by
-- whoever gives one of the video's passwords. The owner reads the passwords back (PeerTube's API
-- shows them), so they are kept as given.
ALTER TABLE video DROP CONSTRAINT video_privacy_check;
ALTER TABLE video ADD CONSTRAINT video_privacy_check CHECK (privacy IN (1, 2, 3, 4, 5));

CREATE TABLE video_password (
    id          bigserial     PRIMARY KEY,
    video_id    bigint        NOT NULL REFERENCES video (id) ON DELETE CASCADE,
    password    varchar(100)  NOT NULL,
    created_at  timestamptz   NOT NULL,
    UNIQUE (video_id, password)
);
