/**
 * Follows between actors, as ActivityPub has them: for now a user's account following a channel
 * of this instance (PeerTube's subscriptions), the feed of their videos, and the actors' follower
 * counts. Each follow has an absolute URL (its ActivityPub id) and a state, so that follows of and
 * by remote actors can be stored beside local ones. Knows actors, accounts, channels and videos;
 * announces new follows with CDI events, and knows nothing of notifications or HTTP.
 */
package org.kinema.follow;
