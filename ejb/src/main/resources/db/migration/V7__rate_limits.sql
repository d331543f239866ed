-- PeerTube's rate limits, counted for every node in one place (Bucket4j's table layout): one row
-- per limit and client address, its bucket's state, and when the row may go (epoch milliseconds).
-- A row names the address only by a hash salted with rate_limit_salt's secret, which never leaves
-- the database.
CREATE TABLE rate_limit (
    id          text    PRIMARY KEY,
    state       bytea,
    expires_at  bigint
);
CREATE INDEX rate_limit_expires_at ON rate_limit (expires_at);

CREATE TABLE rate_limit_salt (
    salt  text  NOT NULL
);
INSERT INTO rate_limit_salt VALUES (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
