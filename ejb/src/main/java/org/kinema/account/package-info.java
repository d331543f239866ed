/**
 * Users of this instance and their accounts: roles, quotas, passwords and who is calling. An
 * account is the public face (a Person actor) of a user, or of a remote person, and knows its user
 * by id only. Knows nothing of channels, videos, HTTP or tokens; {@code org.kinema.user} puts a user
 * together with their account, channel and quota.
 */
package org.kinema.account;
