package org.kinema.video;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Short-lived tokens that open the files of one private or internal video, as PeerTube's
 * {@code videoFileToken}: {@code {expiry}.{HMAC-SHA256 of uuid and expiry}}, signed with the
 * instance's key, so every node can check them without shared state.
 */
public final class FileTokens {

    public static final long LIFETIME_SECONDS = 3600;

    private FileTokens() {
    }

    public static String issue(UUID video, long expiresAtEpochSecond, String key) {
        return expiresAtEpochSecond + "." + sign(video, expiresAtEpochSecond, key);
    }

    public static boolean valid(String token, UUID video, long nowEpochSecond, String key) {
        if (token == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        try {
            long expires = Long.parseLong(token.substring(0, dot));
            return expires > nowEpochSecond && MessageDigest.isEqual(
                    sign(video, expires, key).getBytes(StandardCharsets.US_ASCII),
                    token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String sign(UUID video, long expires, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((video + ":" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
