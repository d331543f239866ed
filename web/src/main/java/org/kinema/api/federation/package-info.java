/** The REST face of federation for administrators: the delivery queue as PeerTube's jobs, and the remote hosts. */
package org.kinema.api.federation;
