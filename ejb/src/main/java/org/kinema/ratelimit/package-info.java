/**
 * PeerTube's rate limits: calls per client address and time window, counted in PostgreSQL so that
 * every node of a cluster counts the same calls (Bucket4j's PostgreSQL store). An address is known
 * there only by a hash salted with a secret of the database. Knows nothing of HTTP: the boundary
 * says which limit a request falls under and who sent it.
 */
package org.kinema.ratelimit;
