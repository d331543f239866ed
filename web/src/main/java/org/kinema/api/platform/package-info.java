/**
 * What every API resource shares: the JSON mapper, PeerTube's error shape for every failure,
 * bearer-token authentication, paging parameters, and the health and error endpoints outside
 * the API. Knows no feature.
 */
package org.kinema.api.platform;
