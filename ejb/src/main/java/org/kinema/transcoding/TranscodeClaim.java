package org.kinema.transcoding;

/**
 * One job's claim on a video's transcoding: the lease it holds is {@code leaseId}'s alone. A job
 * whose lease ran out and was claimed anew can no longer change anything, even on the same node.
 */
public record TranscodeClaim(long videoId, String leaseId) {
}
