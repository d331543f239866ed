/**
 * The durable transcoding queue: a video waiting for transcoding is claimed by one job at a time
 * with a lease in PostgreSQL (named by the claim, renewed by the job, checked before every change),
 * run as the Jakarta Batch job {@code transcode-video}, and taken up again by any node when a lease
 * is released or runs out (a stop, a crash). Knows videos' state, not how ffmpeg is driven (that is
 * the batch module's).
 */
package org.kinema.transcoding;
