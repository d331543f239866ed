package org.kinema.federation;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs this instance may reach on another server's behalf: http or https on a public
 * address. Private, loopback, link-local and other internal addresses are refused unless the
 * operator allows them (KINEMA_FEDERATION_ALLOW_PRIVATE, for several instances on one machine),
 * so that a remote document cannot make Kinema call into the network it runs in.
 */
public final class PublicAddresses {

    private PublicAddresses() {
    }

    /** The URL, if it may be reached; refused with a reason a log or an admin can read. */
    public static URI checked(String url, boolean allowPrivate) throws Refused {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new Refused("not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new Refused("only http and https URLs of a host are reached");
        }
        if (!allowPrivate) {
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (isPrivate(address)) {
                        throw new Refused("the host " + uri.getHost() + " is on a private or loopback address");
                    }
                }
            } catch (UnknownHostException e) {
                throw new Refused("the host " + uri.getHost() + " is unknown");
            }
        }
        return uri;
    }

    public static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        boolean sharedSpace = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal || sharedSpace;
    }

    /** {@code host} or {@code host:port} of a URL, lower case: the name of its server's delivery queue. */
    public static String authority(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    /** Why a URL is not reached. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }
}
