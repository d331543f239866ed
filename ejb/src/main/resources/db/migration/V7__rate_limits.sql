-- PeerTube's rate limits, counted for every node in one place (Bucket4j's table layout): one row
-- per limit and client address, its bucket's state, and when the row may go (epoch milliseconds).
-- A row names the address only by a hash keyed with the instance's RATE_LIMITS secret.
CREATE TABLE rate_limit (
    id          text    PRIMARY KEY,
    state       bytea,
    expires_at  bigint
);
CREATE INDEX rate_limit_expires_at ON rate_limit (expires_at);
