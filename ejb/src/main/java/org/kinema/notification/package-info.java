/**
 * Notifications of users, as PeerTube has them: what happened (a new video of a subscription, a
 * comment on my video, a mention or reply, my video published or failed, a registration, a new
 * follower), how each user wants to hear of each kind (web, e-mail, both, none), and e-mail when
 * the server has SMTP. Notifications are made after commit, by observers of the other features'
 * events, never by the request that caused them; nobody is told of a video they may not watch.
 * The one feature that knows them all; none knows it.
 */
package org.kinema.notification;
