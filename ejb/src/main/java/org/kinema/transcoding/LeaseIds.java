package org.kinema.transcoding;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Names of claims: 16 random bytes in hex, also the name of the claim's work folder. */
final class LeaseIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LeaseIds() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static boolean isLeaseId(String name) {
        return name != null && name.matches("[0-9a-f]{32}");
    }
}
