/** Users and accounts as PeerTube's API shows them: {@code /users…} and {@code /accounts…}. */
package org.kinema.api.account;
