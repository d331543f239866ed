/**
 * What every API resource shares: the JSON mapper, PeerTube's error shape for every failure,
 * bearer-token authentication, paging parameters, the health and error endpoints outside the
 * API, and the filters every request passes first: its limits (body size, NUL, a connection left
 * with an unread body), CORS and PeerTube's rate limits. Knows no feature.
 */
package org.kinema.api.platform;
