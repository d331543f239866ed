package org.kinema.federation;

import java.time.OffsetDateTime;

/** A remote server as the delivery queue knows it: how much waits for it, and how it fared lately. */
public record RemoteHostState(String host, long waiting, long delivered, int failures, OffsetDateTime parkedUntil,
                              OffsetDateTime lastSuccessAt, OffsetDateTime lastFailureAt, String lastError) {
}
