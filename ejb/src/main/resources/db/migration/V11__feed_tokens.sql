-- A user's private feed token (PeerTube's scoped feedToken): it opens the feed of the user's
-- subscriptions to a feed reader without a login. Drawn when first asked for.
ALTER TABLE users ADD COLUMN feed_token varchar(64) UNIQUE;
