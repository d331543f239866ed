package org.kinema.video;

/** What a user's uploads count against their quotas: bytes in all, and in the last 24 hours. */
public record QuotaUse(long total, long daily) {
}
