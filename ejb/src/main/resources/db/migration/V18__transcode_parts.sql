-- A long video's transcoding cut into parts that any node may encode. The job holding the
-- video's lease (video_lease_id) makes the parts, encodes those it can and joins them all; nodes
-- with room take the others, each under a lease of its own, so that a part whose node dies is
-- taken again once its lease runs out. Parts of an older lease of the video are void.
CREATE TABLE transcode_part (
    video_id        bigint       NOT NULL REFERENCES video (id) ON DELETE CASCADE,
    part            int          NOT NULL,
    video_lease_id  char(32)     NOT NULL,
    start_seconds   int          NOT NULL,
    seconds         int          NOT NULL,
    last            boolean      NOT NULL,
    lease_owner     varchar(100),
    lease_id        char(32),
    lease_until     timestamptz,
    progress        int          NOT NULL DEFAULT 0,
    -- once encoded: the file in the video lease's work folder, and the node that made it
    output          varchar(100),
    encoded_by      varchar(100),
    failure         text,
    PRIMARY KEY (video_id, part)
);

CREATE INDEX transcode_part_waiting ON transcode_part (video_id) WHERE output IS NULL AND failure IS NULL;
