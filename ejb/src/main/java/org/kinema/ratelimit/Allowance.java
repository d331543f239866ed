package org.kinema.ratelimit;

/**
 * What a limit allows one address now, as PeerTube's headers tell it: the calls per window, the
 * calls left, when the window ends (UNIX seconds), and for a refused call how long to wait.
 */
public record Allowance(boolean allowed, long limit, long remaining, long resetEpochSecond, long retryAfterSeconds) {
}
