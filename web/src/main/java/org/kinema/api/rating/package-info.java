/**
 * Ratings as PeerTube's API has them: {@code PUT /videos/{id}/rate},
 * {@code GET /users/me/videos/{videoId}/rating} and {@code GET /accounts/{name}/ratings}, each a
 * class of its own path (RESTEasy picks a class by path before it looks at methods).
 */
package org.kinema.api.rating;
