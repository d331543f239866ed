/**
 * OAuth 2 as PeerTube does it: the instance's local client, password and refresh-token grants,
 * bearer tokens stored only as hashes, expiry and revocation. Knows users only to check
 * credentials; knows nothing of HTTP.
 */
package org.kinema.auth;
