/** Video channels as PeerTube's API shows them: {@code /video-channels…}. */
package org.kinema.api.channel;
