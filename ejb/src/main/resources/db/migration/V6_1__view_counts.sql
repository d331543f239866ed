-- Counted views wait here, one row each and nothing about the viewer, until one node folds them
-- into video.views every few seconds: a watched video's row is then written once per fold, not
-- once per view. No foreign key: a view of a video deleted meanwhile folds into nothing.
CREATE TABLE video_view_pending (
    id        bigserial PRIMARY KEY,
    video_id  bigint    NOT NULL
);
