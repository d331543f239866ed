/**
 * Videos: their metadata, privacy, life cycle (uploaded, transcoding, published, failed), their
 * files and uploads in progress. Announces publication with a CDI event; knows nothing of HTTP,
 * nor of how transcoding is run.
 */
package org.kinema.video;
