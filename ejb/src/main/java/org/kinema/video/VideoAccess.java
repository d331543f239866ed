package org.kinema.video;

import org.kinema.account.Caller;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * What decides who may see a video and its files, read in one small query where the whole video
 * is not needed (every byte-range request of a player asks): PeerTube's rules. Public and unlisted
 * videos are anyone's, internal ones anyone logged in here, private ones their owner's, password
 * protected ones whoever gives a password (checked by {@link VideoService}); a video not yet
 * published is its owner's alone. Administrators and moderators manage every video. A video
 * published while its ladder is still being encoded names the work folder its streams grow in.
 */
public record VideoAccess(long videoId, UUID uuid, Privacy privacy, boolean published, Long ownerUserId,
                          String encodingFolder) {

    public boolean isManagedBy(Caller caller) {
        if (caller == null) {
            return false;
        }
        return caller.isAdministrator() || caller.canManageUsers()
                || ownerUserId != null && ownerUserId == caller.userId();
    }

    /** Whether the caller may watch without giving a password. */
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
            case PRIVATE, PASSWORD_PROTECTED -> false;
        };
    }

    /** Whether the caller may watch once they give one of the video's passwords. */
    public boolean opensWithPasswordFor(Caller caller) {
        return published && privacy == Privacy.PASSWORD_PROTECTED && !isManagedBy(caller);
    }

    /**
     * Whether a list of someone's things (ratings, playlists, history) may show this video to the
     * caller. Lists find nothing the caller could not find otherwise: public videos, internal ones
     * for people logged in here, the caller's own; an unlisted video only in the caller's own
     * collections ({@code heldByCaller}: they put it there, so they had its link). Private and
     * password-protected videos of others never show.
     */
    public boolean isListedTo(Caller caller, boolean heldByCaller) {
        return isManagedBy(caller) || published && listedPrivacies(caller, heldByCaller).contains(privacy);
    }

    /** The privacies of others' published videos a list may show the caller, as {@link #isListedTo} says. */
    public static Set<Privacy> listedPrivacies(Caller caller, boolean heldByCaller) {
        Set<Privacy> listed = EnumSet.of(Privacy.PUBLIC);
        if (caller != null) {
            listed.add(Privacy.INTERNAL);
        }
        if (caller != null && heldByCaller) {
            listed.add(Privacy.UNLISTED);
        }
        return listed;
    }
}
