-- A video may be published while its ladder is still being encoded: its streams grow in the
-- encoding job's work folder (named by that job's claim), served from there until they are
-- complete and moved in place. The job keeps its lease meanwhile, so the queue's conditions hold
-- for such a video as for one waiting for transcoding.
ALTER TABLE video ADD COLUMN encoding boolean NOT NULL DEFAULT false;
ALTER TABLE video ADD COLUMN encoding_folder char(32);
