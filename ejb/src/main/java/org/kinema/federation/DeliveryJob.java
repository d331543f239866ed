package org.kinema.federation;

import java.time.OffsetDateTime;

/** A delivery as administrators see it among the instance's jobs. */
public record DeliveryJob(long id, DeliveryState state, String activityType, String inboxUrl, int attempts, String error,
                          OffsetDateTime createdAt, OffsetDateTime processedAt, OffsetDateTime finishedAt) {
}
