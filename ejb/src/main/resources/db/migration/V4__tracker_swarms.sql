-- The swarms this instance's WebTorrent tracker serves: the info hashes (lowercase hex of the 20
-- bytes peers send) of every published video's HLS streams and torrents. The tracker refuses any
-- other info hash. Peers themselves are never stored: they live in the tracker's memory only.
CREATE TABLE tracker_swarm (
    info_hash  char(40)  PRIMARY KEY,
    video_id   bigint    NOT NULL REFERENCES video (id) ON DELETE CASCADE
);
CREATE INDEX tracker_swarm_video ON tracker_swarm (video_id);
