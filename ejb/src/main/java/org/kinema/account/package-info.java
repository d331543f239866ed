/**
 * Users of this instance and their accounts: roles, quotas, passwords, registration and the
 * first administrator. An account is the public face (a Person actor) of a user, or of a remote
 * person, and knows its user by id only. Knows channels to create a user's first one and to show a
 * user's (with the quota they use, from videos); knows nothing of HTTP or tokens.
 */
package org.kinema.account;
