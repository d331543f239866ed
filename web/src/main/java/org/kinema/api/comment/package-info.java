/**
 * PeerTube's comment API: a video's threads and replies ({@code /videos/{id}/comment-threads},
 * {@code /videos/{id}/comments}), approval, and the lists of comments for moderators
 * ({@code /videos/comments}) and for a video's owner ({@code /users/me/videos/comments}).
 */
package org.kinema.api.comment;
