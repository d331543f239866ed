/**
 * ActivityPub actors: the identity that accounts (Person), channels (Group) and the instance
 * itself (Application, named {@code peertube}) share, with a name unique per host, their
 * endpoints and keys; remote actors are cached here beside local ones. Knows nothing of users,
 * videos or HTTP.
 */
package org.kinema.actor;
