/**
 * PeerTube's notifications API: {@code /users/me/notifications} (read, mark read) and
 * {@code /users/me/notification-settings}.
 */
package org.kinema.api.notification;
