package org.kinema.federation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * HTTP Signatures as the fediverse uses them (draft-cavage-http-signatures-12, {@code rsa-sha256}):
 * the {@code Signature} header over {@code (request-target) host date [digest]}, and the body's
 * {@code Digest: SHA-256=…}. Signing and checking are pure functions of the request's parts; the
 * JDK does the cryptography.
 */
public final class HttpSignature {

    /** How far a request's Date may be from now (PeerTube allows 30 minutes of skew). */
    public static final Duration MAX_SKEW = Duration.ofMinutes(30);
    public static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final int MAX_HEADER_LENGTH = 4096;

    private HttpSignature() {
    }

    /** The parameters of a {@code Signature} header. */
    public record Parsed(String keyId, String algorithm, List<String> headers, byte[] signature) {
    }

    /** Why a request's signature is refused; the message is safe to show the sender. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message);
        }
    }

    /** {@code SHA-256=<base64>} of a body. */
    public static String digest(byte[] body) {
        try {
            return "SHA-256=" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The {@code Signature} header for a request: {@code headers} names the signed headers in order
     * ({@code (request-target)} included), {@code values} gives each header's value by lowercase name.
     */
    public static String sign(String method, String pathAndQuery, List<String> headers, Function<String, String> values,
                              PrivateKey key, String keyId) {
        String text = signingText(method, pathAndQuery, headers, values);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(text.getBytes(StandardCharsets.UTF_8));
            return "keyId=\"" + keyId + "\",algorithm=\"rsa-sha256\",headers=\"" + String.join(" ", headers)
                    + "\",signature=\"" + Base64.getEncoder().encodeToString(rsa.sign()) + "\"";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign", e);
        }
    }

    /** Reads a {@code Signature} header; refuses one without the parts a check needs. */
    public static Parsed parse(String header) throws Invalid {
        if (header == null || header.isBlank()) {
            throw new Invalid("no signature header present in the request");
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            throw new Invalid("signature header too long");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = 0;
        String text = header.trim();
        while (i < text.length()) {
            int equals = text.indexOf('=', i);
            if (equals < 0) {
                throw new Invalid("malformed signature header");
            }
            String name = text.substring(i, equals).trim().toLowerCase(Locale.ROOT);
            if (equals + 1 >= text.length() || text.charAt(equals + 1) != '"') {
                throw new Invalid("malformed signature header");
            }
            int close = text.indexOf('"', equals + 2);
            if (close < 0) {
                throw new Invalid("malformed signature header");
            }
            parameters.put(name, text.substring(equals + 2, close));
            i = close + 1;
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
        }
        String keyId = parameters.get("keyid");
        String signature = parameters.get("signature");
        if (keyId == null || keyId.isBlank() || signature == null) {
            throw new Invalid("the signature header lacks keyId or signature");
        }
        String algorithm = parameters.getOrDefault("algorithm", "rsa-sha256").toLowerCase(Locale.ROOT);
        if (!algorithm.equals("rsa-sha256") && !algorithm.equals("hs2019")) {
            throw new Invalid("unsupported signature algorithm " + algorithm);
        }
        List<String> headers = List.of(parameters.getOrDefault("headers", "date").toLowerCase(Locale.ROOT).trim().split("\\s+"));
        try {
            return new Parsed(keyId, algorithm, headers, Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException e) {
            throw new Invalid("the signature is not base64");
        }
    }

    /**
     * Checks a parsed signature over a request with the signer's key: it must cover
     * {@code (request-target)}, {@code host} and {@code date} (and {@code digest} when the request has
     * a body, whose digest must match), the date must be within {@link #MAX_SKEW} of {@code now}.
     */
    public static void verify(Parsed signature, String method, String pathAndQuery, Function<String, String> values,
                              byte[] body, PublicKey key, Instant now) throws Invalid {
        checkCoverage(signature, values, body, now);
        String text = signingText(method, pathAndQuery, signature.headers(), values);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(text.getBytes(StandardCharsets.UTF_8));
            if (!rsa.verify(signature.signature())) {
                throw new Invalid("the signature does not match");
            }
        } catch (GeneralSecurityException e) {
            throw new Invalid("the signature cannot be checked");
        }
    }

    /**
     * What can be checked before the signer's key is known: the signature covers what it must, the
     * date is recent, the digest matches the body. An inbox checks this before it fetches any key.
     */
    public static void checkCoverage(Parsed signature, Function<String, String> values, byte[] body, Instant now)
            throws Invalid {
        for (String required : required(body != null)) {
            if (!signature.headers().contains(required)) {
                throw new Invalid("the signature does not cover " + required);
            }
        }
        checkDate(values.apply("date"), now);
        if (body != null) {
            String digest = values.apply("digest");
            if (digest == null || !digestMatches(digest, body)) {
                throw new Invalid("the digest does not match the body");
            }
        }
    }

    private static List<String> required(boolean hasBody) {
        return hasBody ? List.of("(request-target)", "host", "date", "digest") : List.of("(request-target)", "host", "date");
    }

    private static void checkDate(String date, Instant now) throws Invalid {
        if (date == null) {
            throw new Invalid("the request has no date");
        }
        Instant sent;
        try {
            sent = ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new Invalid("the request's date is not an HTTP date");
        }
        if (Duration.between(sent, now).abs().compareTo(MAX_SKEW) > 0) {
            throw new Invalid("the request's date is too far from now");
        }
    }

    private static boolean digestMatches(String header, byte[] body) {
        String expected = digest(body).substring("SHA-256=".length());
        for (String part : header.split(",")) {
            String value = part.trim();
            int equals = value.indexOf('=');
            if (equals > 0 && value.substring(0, equals).equalsIgnoreCase("SHA-256")
                    && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    value.substring(equals + 1).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static String signingText(String method, String pathAndQuery, List<String> headers,
                                      Function<String, String> values) {
        List<String> lines = new ArrayList<>();
        for (String header : headers) {
            String name = header.toLowerCase(Locale.ROOT);
            if (name.equals("(request-target)")) {
                lines.add("(request-target): " + method.toLowerCase(Locale.ROOT) + " " + pathAndQuery);
            } else {
                String value = values.apply(name);
                lines.add(name + ": " + (value == null ? "" : value.trim()));
            }
        }
        return String.join("\n", lines);
    }

    /** Now as an HTTP date, for a request's {@code Date} header. */
    public static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }
}
