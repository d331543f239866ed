package org.kinema.account;

/**
 * Someone registered on their own (not created by an administrator), named by username (their
 * ids are known only once the registration is written): moderators may want to know.
 */
public record UserRegistered(String username) {
}
