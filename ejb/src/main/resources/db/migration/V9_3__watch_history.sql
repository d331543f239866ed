-- Watch history and resume: where each user last was in each video they watched, while they keep
-- a history (PeerTube's videosHistoryEnabled). Users only: no address or other viewer is stored.
ALTER TABLE users ADD COLUMN videos_history_enabled boolean NOT NULL DEFAULT true;

CREATE TABLE user_video_history (
    id                bigserial    PRIMARY KEY,
    user_id           bigint       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    video_id          bigint       NOT NULL REFERENCES video (id) ON DELETE CASCADE,
    position_seconds  integer      NOT NULL CHECK (position_seconds >= 0),
    updated_at        timestamptz  NOT NULL,
    UNIQUE (user_id, video_id)
);
CREATE INDEX user_video_history_recent ON user_video_history (user_id, updated_at DESC);
CREATE INDEX user_video_history_video ON user_video_history (video_id);
