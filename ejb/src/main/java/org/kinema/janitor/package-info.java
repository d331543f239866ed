/**
 * Keeps the media store free of what nothing refers to any more: files whose deletion was recorded
 * with the change that orphaned them, uploads abandoned half-way, and the work folders of jobs
 * whose claim died with their node. One node at a time does it, whichever gets the database's
 * lock. Knows where files live (the media store) and which claims are alive (the transcoding
 * queue); decides nothing about videos.
 */
package org.kinema.janitor;
