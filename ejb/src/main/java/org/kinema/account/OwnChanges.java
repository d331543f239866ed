package org.kinema.account;

/**
 * What users change about themselves; a null field is left as it is. A new password or e-mail
 * needs the current password.
 */
public record OwnChanges(String displayName, String description, Boolean p2pEnabled, Boolean autoPlayVideo,
                         String nsfwPolicy, String currentPassword, String password, String email,
                         Boolean videosHistoryEnabled) {
}
