/** OAuth endpoints as PeerTube clients call them: the local client, the token grants, logout. */
package org.kinema.api.oauth;
