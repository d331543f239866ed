/**
 * ActivityPub actors: the identity that accounts (Person) and channels (Group) share, with a
 * name unique per host. Knows nothing of users, videos or HTTP.
 */
package org.kinema.actor;
