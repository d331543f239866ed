/** The instance's configuration as PeerTube clients read it, and its administration. */
package org.kinema.api.config;
