-- Views now travel summed (video_view_outbound, V15): one View per video and interval carries their
-- number, so no delivery waits to have others merged into it any more.
DROP INDEX delivery_merged;
ALTER TABLE delivery DROP COLUMN merge_key;
