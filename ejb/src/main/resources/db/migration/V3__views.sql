-- Who viewed a video lately, to count a viewer once per video per window. Only a keyed hash of
-- the viewer (never an address) is kept, and only until the window closes.
CREATE TABLE video_view (
    video_id    bigint      NOT NULL REFERENCES video (id) ON DELETE CASCADE,
    viewer      char(64)    NOT NULL,
    expires_at  timestamptz NOT NULL,
    PRIMARY KEY (video_id, viewer)
);
CREATE INDEX video_view_expiry ON video_view (expires_at);
