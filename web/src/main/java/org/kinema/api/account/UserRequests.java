package org.kinema.api.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The JSON bodies PeerTube clients send to the user endpoints, with PeerTube's limits. */
final class UserRequests {

    static final String USERNAME = "^[a-z0-9._]+$";
    static final String CHANNEL_NAME = "^[a-zA-Z0-9\\-_.:]+$";

    private UserRequests() {
    }

    record RegisterUser(@NotNull @Size(min = 1, max = 50) @Pattern(regexp = USERNAME) String username,
                        @NotNull @Size(min = 6, max = 255) String password,
                        @NotNull @Email @Size(max = 400) String email,
                        @Size(min = 1, max = 120) String displayName,
                        @Valid ChannelBase channel) {
    }

    record ChannelBase(@NotNull @Size(min = 1, max = 50) @Pattern(regexp = CHANNEL_NAME) String name,
                       @Size(min = 1, max = 120) String displayName) {
    }

    record AddUser(@NotNull @Size(min = 1, max = 50) @Pattern(regexp = USERNAME) String username,
                   @NotNull @Size(min = 6, max = 255) String password,
                   @NotNull @Email @Size(max = 400) String email,
                   @Min(-1) Long videoQuota,
                   @Min(-1) Long videoQuotaDaily,
                   @Size(min = 1, max = 50) @Pattern(regexp = CHANNEL_NAME) String channelName,
                   @NotNull @Min(0) @Max(2) Integer role,
                   @Min(0) @Max(1) Integer adminFlags) {
    }

    record UpdateUser(@Email @Size(max = 400) String email,
                      Boolean emailVerified,
                      @Min(-1) Long videoQuota,
                      @Min(-1) Long videoQuotaDaily,
                      @Min(0) @Max(2) Integer role,
                      @Min(0) @Max(1) Integer adminFlags,
                      @Size(min = 6, max = 255) String password) {
    }

    record UpdateMe(@Size(min = 1, max = 120) String displayName,
                    @Size(max = 1000) String description,
                    Boolean p2pEnabled,
                    Boolean autoPlayVideo,
                    @Pattern(regexp = "^(display|blur|do_not_list)$") String nsfwPolicy,
                    @Size(min = 6, max = 255) String currentPassword,
                    @Size(min = 6, max = 255) String password,
                    @Email @Size(max = 400) String email,
                    Boolean videosHistoryEnabled) {
    }
}
