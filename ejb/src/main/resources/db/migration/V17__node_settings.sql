-- The settings that govern the whole cluster (limits, leases, what is trusted) as each node runs
-- with them, NAME=value lines: a starting node warns of those another running node has otherwise.
ALTER TABLE node ADD COLUMN settings text;
