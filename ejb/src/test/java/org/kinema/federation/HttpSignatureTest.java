package org.kinema.federation;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpSignatureTest {

    private static final String[] KEYS = RsaKeys.generate();
    private static final String[] OTHER_KEYS = RsaKeys.generate();
    private static final Instant NOW = Instant.parse("2026-11-24T22:42:58Z");
    private static final byte[] BODY = "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8);
    private static final List<String> SIGNED = List.of("(request-target)", "host", "date", "digest");

    private static Map<String, String> headers(Instant date, byte[] body) {
        return Map.of("host", "video.example", "date", HttpSignature.httpDate(date), "digest", HttpSignature.digest(body));
    }

    private static String signed(Map<String, String> headers, String keyPem) {
        return HttpSignature.sign("POST", "/inbox", SIGNED, headers::get, RsaKeys.privateKey(keyPem),
                "https://video.example/accounts/root");
    }

    @Test
    void aSignedDeliveryIsAcceptedWithItsSignersKey() throws Exception {
        Map<String, String> headers = headers(NOW, BODY);
        HttpSignature.Parsed parsed = HttpSignature.parse(signed(headers, KEYS[1]));
        assertEquals("https://video.example/accounts/root", parsed.keyId());
        assertEquals(SIGNED, parsed.headers());
        HttpSignature.verify(parsed, "POST", "/inbox", headers::get, BODY, RsaKeys.publicKey(KEYS[0]), NOW.plusSeconds(5));
    }

    @Test
    void aForgedSignatureAStaleDateAndAnAlteredBodyAreRefused() throws Exception {
        Map<String, String> headers = headers(NOW, BODY);
        HttpSignature.Parsed forged = HttpSignature.parse(signed(headers, OTHER_KEYS[1]));
        assertThrows(HttpSignature.Invalid.class, () -> HttpSignature.verify(forged, "POST", "/inbox", headers::get, BODY,
                RsaKeys.publicKey(KEYS[0]), NOW));

        HttpSignature.Parsed genuine = HttpSignature.parse(signed(headers, KEYS[1]));
        assertThrows(HttpSignature.Invalid.class, () -> HttpSignature.verify(genuine, "POST", "/inbox", headers::get, BODY,
                RsaKeys.publicKey(KEYS[0]), NOW.plus(Duration.ofMinutes(31))), "a replay half an hour later");
        byte[] altered = "{\"type\":\"Delete\"}".getBytes(StandardCharsets.UTF_8);
        HttpSignature.Invalid digest = assertThrows(HttpSignature.Invalid.class, () -> HttpSignature.verify(genuine, "POST",
                "/inbox", headers::get, altered, RsaKeys.publicKey(KEYS[0]), NOW));
        assertTrue(digest.getMessage().contains("digest"), digest::getMessage);
        assertThrows(HttpSignature.Invalid.class, () -> HttpSignature.verify(genuine, "POST", "/accounts/root/inbox",
                headers::get, BODY, RsaKeys.publicKey(KEYS[0]), NOW), "another target");
    }

    @Test
    void aSignatureThatCoversTooLittleIsRefused() throws Exception {
        Map<String, String> headers = headers(NOW, BODY);
        String onlyDate = HttpSignature.sign("POST", "/inbox", List.of("date"), headers::get, RsaKeys.privateKey(KEYS[1]),
                "k");
        HttpSignature.Parsed parsed = HttpSignature.parse(onlyDate);
        assertThrows(HttpSignature.Invalid.class, () -> HttpSignature.verify(parsed, "POST", "/inbox", headers::get, BODY,
                RsaKeys.publicKey(KEYS[0]), NOW));
    }

    @Test
    void malformedSignatureHeadersAreRefusedNotThrown() {
        for (String header : new String[] {null, "", "keyId", "keyId=\"a\"", "keyId=a,signature=b",
                "keyId=\"a\",signature=\"%%%\"", "keyId=\"a\",algorithm=\"ed25519\",signature=\"AA==\"", "x".repeat(5000)}) {
            assertThrows(HttpSignature.Invalid.class, () -> HttpSignature.parse(header), String.valueOf(header));
        }
    }

    @Test
    void peerTubesSignatureHeaderIsRead() throws Exception {
        HttpSignature.Parsed parsed = HttpSignature.parse("keyId=\"http://localhost:9001/accounts/root\",algorithm=\"rsa-sha256\","
                + "headers=\"(request-target) host date digest\",signature=\"qP98pm56MG90rq5kT1tQu1Fy\"");
        assertEquals("http://localhost:9001/accounts/root", parsed.keyId());
        assertEquals(SIGNED, parsed.headers());
    }
}
