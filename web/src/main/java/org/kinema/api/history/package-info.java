/** The watch history as PeerTube's API has it: {@code /users/me/history/videos…}. */
package org.kinema.api.history;
