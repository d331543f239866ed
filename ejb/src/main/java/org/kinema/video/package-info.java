/**
 * Videos: their metadata, privacy and who may see them and their files, life cycle (uploaded,
 * transcoding, published, failed), their files, uploads in progress, and their views (counted once
 * per viewer and hour, added to the video every few seconds). Announces what happens to videos with
 * CDI events; knows nothing of HTTP, nor of how transcoding is run.
 */
package org.kinema.video;
