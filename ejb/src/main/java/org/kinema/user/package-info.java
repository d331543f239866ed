/**
 * Users as the administration and registration see them: creating one with its account and first
 * channel, changing and deleting it, listing users with the quota their videos use, and the first
 * administrator. Above {@code account}, {@code channel} and {@code video}, which it puts together,
 * so that none of those needs to know another's services.
 */
package org.kinema.user;
