package org.kinema.video;

import org.kinema.account.Caller;

import java.util.UUID;

/**
 * What decides who may see a video and its files, read in one small query where the whole video
 * is not needed (every byte-range request of a player asks): PeerTube's rules. Public and unlisted
 * videos are anyone's, internal ones anyone logged in here, private ones their owner's; a video not
 * yet published is its owner's alone. Administrators and moderators manage every video.
 */
public record VideoAccess(long videoId, UUID uuid, Privacy privacy, boolean published, Long ownerUserId) {

    public boolean isManagedBy(Caller caller) {
        if (caller == null) {
            return false;
        }
        return caller.isAdministrator() || caller.canManageUsers()
                || ownerUserId != null && ownerUserId == caller.userId();
    }

    public boolean isWatchableBy(Caller caller) {
        if (isManagedBy(caller)) {
            return true;
        }
        if (!published) {
            return false;
        }
        return switch (privacy) {
            case PUBLIC, UNLISTED -> true;
            case INTERNAL -> caller != null;
            case PRIVATE -> false;
        };
    }
}
