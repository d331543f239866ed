package org.kinema.account;

/**
 * What it takes to create a user: the first channel is named {@code channelName}, or
 * {@code {username}_channel} when none is given. Null quotas take the instance's defaults.
 */
public record NewUser(String username, String email, String password, UserRole role,
                      Long videoQuota, Long videoQuotaDaily,
                      String displayName, String channelName, String channelDisplayName) {
}
