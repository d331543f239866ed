package org.kinema.api.platform;

import io.undertow.util.NetworkUtils;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Addresses and CIDR ranges ({@code 127.0.0.1, 10.0.0.0/8, ::1, fd00::/8}), as an operator lists
 * them in a setting; names are not taken (they would need the DNS). Literals are read by Undertow.
 */
final class AddressRanges {

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            return address.length == network.length
                    && prefixOf(address).equals(prefixOf(network));
        }

        private BigInteger prefixOf(byte[] address) {
            return new BigInteger(1, address).shiftRight(address.length * 8 - prefix);
        }
    }

    private final List<Range> ranges;

    private AddressRanges(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Reads a comma-separated list; an entry that is not an address or range is refused. */
    static AddressRanges parse(String list) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : list == null ? new String[0] : list.split(",")) {
            if (!entry.isBlank()) {
                ranges.add(range(entry.trim()));
            }
        }
        return new AddressRanges(List.copyOf(ranges));
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return ranges.stream().anyMatch(range -> range.contains(bytes));
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String literal = slash < 0 ? entry : entry.substring(0, slash);
        try {
            byte[] network = (literal.contains(":") ? NetworkUtils.parseIpv6Address(literal)
                    : NetworkUtils.parseIpv4Address(literal)).getAddress();
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new NumberFormatException();
            }
            return new Range(network, prefix);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not an address or CIDR range: " + entry);
        }
    }
}
