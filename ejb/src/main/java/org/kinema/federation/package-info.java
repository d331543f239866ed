/**
 * Federation over ActivityPub with PeerTube's vocabulary: actors' keys (drawn the first time an
 * actor needs them), HTTP Signatures on every delivery and check on every inbox, the instance's
 * own actor, what other servers may read (local actors, federated videos, outboxes, followers),
 * the cache of remote actors and the activities inboxes accepted, kept for processing; the durable
 * delivery queue; what processed activities do here (follows, remote videos, comments, ratings,
 * views: {@code InboxProcessing}); what local changes tell other servers ({@code OutgoingActivities})
 * and the instance's follows of other instances. The JSON-LD documents
 * themselves are the web boundary's ({@code org.kinema.activitypub}). Knows the domain's
 * features; they do not know it (they announce events, federation reacts).
 */
package org.kinema.federation;
