package org.kinema.account;

import org.kinema.platform.DomainException;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.LongAdder;

/**
 * Password hashes with the JDK's PBKDF2-HMAC-SHA256, stored as
 * {@code PBKDF2WithHmacSHA256:iterations:salt:hash} (Base64), the same layout as Jakarta
 * Security's Pbkdf2PasswordHash, so the iteration count can rise without invalidating old hashes.
 */
public final class PasswordHasher {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 310_000;
    private static final int SALT_BYTES = 32;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 255;

    /** How many keys were derived, so that tests can see that a check really ran the hash. */
    static final LongAdder DERIVATIONS = new LongAdder();
    /** Stands for the hash of someone who does not exist, so that checking them costs the same. */
    private static final String NOBODY = hash("no one has this password " + RANDOM.nextLong());

    private PasswordHasher() {
    }

    public static String hash(String password) {
        checkAcceptable(password);
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] key = derive(password, salt, ITERATIONS);
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(key);
    }

    /**
     * Checks a password against a stored hash; without one (an unknown user) the password is
     * checked against a hash of nobody's, which costs the same and never matches: how long a
     * login takes tells nothing of who exists.
     */
    public static boolean matches(String password, String stored) {
        if (stored == null) {
            matches(password == null ? "" : password, NOBODY);
            return false;
        }
        if (password == null) {
            matches("", stored);
            return false;
        }
        String[] parts = stored.split(":");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            return false;
        }
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] expected = base64.decode(parts[3]);
        byte[] actual = derive(password, base64.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    public static void checkAcceptable(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw DomainException.invalid("Password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        DERIVATIONS.increment();
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        }
    }
}
