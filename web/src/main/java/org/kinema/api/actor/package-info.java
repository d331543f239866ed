/**
 * The shapes of accounts and channels as every list and page of the API shows them (PeerTube's
 * {@code Account}, {@code VideoChannel} and their summaries). Apart from the resources that serve
 * accounts, channels and videos, so that those can show one another without depending on each other.
 */
package org.kinema.api.actor;
