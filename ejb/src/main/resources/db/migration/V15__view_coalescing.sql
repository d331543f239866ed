-- Views travel between instances in bulk. A counted view may stand for several: another Kinema
-- instance sends the views of one of this instance's videos as one View activity carrying their
-- number. And the views counted here of other instances' videos wait in video_view_outbound,
-- summed per video, until they go to the origin as one View activity per video and interval
-- (PeerTube sends one activity per view, and its queues fill up with them).
ALTER TABLE video_view_pending ADD COLUMN views integer NOT NULL DEFAULT 1;

CREATE TABLE video_view_outbound (
    video_id  bigint  PRIMARY KEY,
    views     bigint  NOT NULL
);
