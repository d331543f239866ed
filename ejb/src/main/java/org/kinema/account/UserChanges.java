package org.kinema.account;

/** An administrator's changes to a user; a null field is left as it is. */
public record UserChanges(String email, Boolean emailVerified, Long videoQuota, Long videoQuotaDaily,
                          Integer role, String password) {
}
