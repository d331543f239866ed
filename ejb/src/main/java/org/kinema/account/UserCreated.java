package org.kinema.account;

/**
 * A user was created (by an administrator, by registering, or as the first administrator), in
 * the transaction that created it: features that give every user something of their own (a Watch
 * later playlist) make it then.
 */
public record UserCreated(Account account) {
}
