package org.kinema.actor;

import org.kinema.platform.DomainException;

import java.util.regex.Pattern;

/** The rules PeerTube applies to the immutable names of accounts and channels. */
public final class ActorName {

    /** The name of the instance's own actor (PeerTube's): no account or channel may take it. */
    public static final String APPLICATION = "peertube";

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._]{1,50}");
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-zA-Z0-9\\-_.:]{1,50}");

    private ActorName() {
    }

    public static String username(String name) {
        if (name == null || !USERNAME.matcher(name).matches()) {
            throw DomainException.invalid("Username must be 1 to 50 characters among a-z, 0-9, '.' and '_'");
        }
        return notReserved(name);
    }

    public static String channelName(String name) {
        if (name == null || !CHANNEL_NAME.matcher(name).matches()) {
            throw DomainException.invalid("Channel name must be 1 to 50 characters among a-z, A-Z, 0-9, '-', '_', '.' and ':'");
        }
        return notReserved(name);
    }

    private static String notReserved(String name) {
        if (name.equalsIgnoreCase(APPLICATION)) {
            throw DomainException.conflict("The name " + APPLICATION + " is the instance's own");
        }
        return name;
    }
}
