package org.kinema.video;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Short-lived tokens that open the files of one video for the user they were given to, as
 * PeerTube's {@code videoFileToken}: {@code {expiry}.{userId}.{HMAC-SHA256 of uuid, expiry and
 * user}}, signed with the instance's file-token key, so every node can check them without shared
 * state. A token given for a password-protected video's password, to someone not logged in, is
 * {@link #ANYONE}'s.
 */
public final class FileTokens {

    public static final long LIFETIME_SECONDS = 3600;
    /** The holder of a token given to someone not logged in: no user has this id. */
    public static final long ANYONE = 0;

    private FileTokens() {
    }

    public static String issue(UUID video, long userId, long expiresAtEpochSecond, byte[] key) {
        return expiresAtEpochSecond + "." + userId + "." + sign(video, expiresAtEpochSecond, userId, key);
    }

    /** The user a valid, unexpired token of this video was given to; empty for anything else. */
    public static OptionalLong holder(String token, UUID video, long nowEpochSecond, byte[] key) {
        if (token == null || token.length() > 200) {
            return OptionalLong.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,18}")) {
            return OptionalLong.empty();
        }
        long expires = Long.parseLong(parts[0]);
        long user = Long.parseLong(parts[1]);
        boolean genuine = MessageDigest.isEqual(sign(video, expires, user, key).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII));
        return genuine && expires > nowEpochSecond ? OptionalLong.of(user) : OptionalLong.empty();
    }

    /** When a token says it expires (epoch seconds); only meaningful for a token just issued. */
    public static long expiry(String token) {
        return Long.parseLong(token.substring(0, token.indexOf('.')));
    }

    private static String sign(UUID video, long expires, long user, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((video + ":" + expires + ":" + user).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
