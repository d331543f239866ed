/**
 * Federation over ActivityPub with PeerTube's vocabulary: actors' keys, HTTP Signatures on every
 * delivery and check on every inbox, and (as it grows) the durable delivery queue, the cache of
 * remote actors and the mapping between ActivityPub documents and the domain. Knows the domain's
 * features; they do not know it (they announce events, federation reacts).
 */
package org.kinema.federation;
