package org.kinema.instance;

/** What a secret of the instance is for: each purpose has a key of its own. */
public enum SecretPurpose {
    /** Signs the tokens that open the files of private and internal videos. */
    FILE_TOKENS,
    /** Keys the hashes that stand for viewers when views are counted. */
    VIEWERS,
    /** Keys the hashes that stand for client addresses when calls are counted against rate limits. */
    RATE_LIMITS,
    /** Keys the hashes that stand for client addresses in the tracker's memory (the same on every node). */
    TRACKER_ADDRESSES
}
