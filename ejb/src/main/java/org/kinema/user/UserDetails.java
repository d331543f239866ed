package org.kinema.user;

import org.kinema.account.Account;
import org.kinema.account.User;
import org.kinema.channel.VideoChannel;
import org.kinema.video.QuotaUse;

import java.util.List;

/** A user as they and the administration see them: with their account, channels (oldest first) and quota use. */
public record UserDetails(User user, Account account, List<VideoChannel> channels, QuotaUse quotaUse) {
}
