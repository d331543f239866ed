/**
 * Videos: their metadata, privacy, life cycle (uploaded, transcoding, published, failed), their
 * files, uploads in progress, and their views (counted once per viewer and hour, added to the
 * video every few seconds). Announces publication with a CDI event; knows nothing of HTTP, nor of
 * how transcoding is run.
 */
package org.kinema.video;
