package org.kinema.api.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressRangesTest {

    private final AddressRanges ranges = AddressRanges.parse("127.0.0.1, ::1, 10.0.0.0/8, fd00::/8");

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.200.3.4", "fd12:3456::1"})
    void listedAddressesAndAddressesInListedRangesAreContained(String address) throws Exception {
        assertTrue(ranges.contains(InetAddress.getByName(address)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.2", "198.51.100.7", "11.0.0.1", "fe80::1"})
    void otherAddressesAreNot(String address) throws Exception {
        assertFalse(ranges.contains(InetAddress.getByName(address)));
    }

    @Test
    void anEmptyListContainsNothing() throws Exception {
        assertFalse(AddressRanges.parse("").contains(InetAddress.getByName("127.0.0.1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "10.0.0.0/33", "10.0.0/8", "::1/129"})
    void namesAndMalformedRangesAreRefused(String list) {
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse(list));
    }
}
