/** PeerTube's subscriptions API ({@code /users/me/subscriptions}): channels followed, and the feed of their videos. */
package org.kinema.api.follow;
