/**
 * The durable transcoding queue: videos waiting for transcoding are claimed by one node at a
 * time with a lease in PostgreSQL, run as the Jakarta Batch job {@code transcode-video}, and
 * taken up again by any node when a lease runs out (a crash, a restart). Knows videos' state,
 * not how ffmpeg is driven (that is the batch module's).
 */
package org.kinema.transcoding;
