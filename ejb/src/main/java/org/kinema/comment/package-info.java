/**
 * Comments on videos, as PeerTube has them: threads and replies, tombstones of deleted comments
 * that have replies, approval where a video's policy asks for it, Markdown rendered to sanitised
 * HTML, and mentions of accounts. Each comment has an absolute URL (its ActivityPub id) and an
 * owning account, local or remote. Asks the video feature who may watch a video; announces what
 * happens with CDI events, and knows nothing of notifications or HTTP.
 */
package org.kinema.comment;
