-- A user's notifications, in PeerTube's types; each names what it is about.
CREATE TABLE user_notification (
    id               bigserial    PRIMARY KEY,
    user_id          bigint       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type             smallint     NOT NULL,
    read             boolean      NOT NULL DEFAULT false,
    video_id         bigint       REFERENCES video (id) ON DELETE CASCADE,
    comment_id       bigint       REFERENCES video_comment (id) ON DELETE CASCADE,
    account_id       bigint       REFERENCES account (id) ON DELETE CASCADE,
    actor_follow_id  bigint       REFERENCES actor_follow (id) ON DELETE CASCADE,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL
);
CREATE INDEX user_notification_user ON user_notification (user_id, created_at DESC, id DESC);
CREATE INDEX user_notification_unread ON user_notification (user_id, created_at DESC, id DESC) WHERE NOT read;
CREATE INDEX user_notification_video ON user_notification (video_id);
CREATE INDEX user_notification_comment ON user_notification (comment_id);
CREATE INDEX user_notification_account ON user_notification (account_id);
CREATE INDEX user_notification_follow ON user_notification (actor_follow_id);

-- How a user wants to hear of each kind of notification (PeerTube's setting names; 1 web,
-- 2 e-mail, 3 both, 0 none); a setting without a row has its default.
CREATE TABLE user_notification_setting (
    user_id  bigint       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name     varchar(64)  NOT NULL,
    value    smallint     NOT NULL CHECK (value BETWEEN 0 AND 3),
    PRIMARY KEY (user_id, name)
);
