/**
 * The {@code transcode-video} job's artifacts: each step is a batchlet working on the
 * {@link org.kinema.batch.transcode.TranscodeWork} of its execution; the listener turns a failed
 * execution into a failed video and tells the scheduler the node has room again.
 */
package org.kinema.batch.transcode;
