/**
 * Users of this instance and their accounts: roles, quotas, passwords, registration and the
 * first administrator. An account is the public face (a Person actor) of a user, or of a remote
 * person. Knows channels only to create a user's first one; knows nothing of HTTP or tokens.
 */
package org.kinema.account;
