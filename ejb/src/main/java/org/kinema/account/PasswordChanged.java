package org.kinema.account;

/**
 * A user's password changed (by themselves or an administrator), in the transaction that changed
 * it: whoever keeps sessions ends the user's.
 */
public record PasswordChanged(long userId) {
}
