package org.kinema.video;

import java.math.BigInteger;
import java.util.UUID;

/**
 * PeerTube's short form of a UUID: the same 128 bits written in base 58 (Flickr's alphabet),
 * padded to 22 characters.
 */
public final class ShortUuid {

    private static final String ALPHABET = "123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final BigInteger BASE = BigInteger.valueOf(ALPHABET.length());
    private static final int LENGTH = 22;

    private ShortUuid() {
    }

    public static String of(UUID uuid) {
        BigInteger value = new BigInteger(uuid.toString().replace("-", ""), 16);
        StringBuilder text = new StringBuilder();
        while (value.signum() > 0) {
            BigInteger[] division = value.divideAndRemainder(BASE);
            text.append(ALPHABET.charAt(division[1].intValue()));
            value = division[0];
        }
        while (text.length() < LENGTH) {
            text.append(ALPHABET.charAt(0));
        }
        return text.reverse().toString();
    }

    /** The UUID behind a short form, or null if the text is not one. */
    public static UUID toUuid(String shortUuid) {
        if (shortUuid == null || shortUuid.isEmpty() || shortUuid.length() > LENGTH) {
            return null;
        }
        BigInteger value = BigInteger.ZERO;
        for (char c : shortUuid.toCharArray()) {
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) {
                return null;
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        if (value.bitLength() > 128) {
            return null;
        }
        String hex = String.format("%032x", value);
        return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }
}
