package org.kinema.video.torrent;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BencodeTest {

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void dictionaryOfListEncodesAsInTheSpecification() {
        assertEquals("d4:spaml1:a1:bee", ascii(Bencode.encode(Map.of("spam", List.of("a", "b")))));
    }

    @Test
    void integersOfEitherWidthAndSignEncode() {
        assertEquals("i42e", ascii(Bencode.encode(42)));
        assertEquals("i-3e", ascii(Bencode.encode(-3L)));
        assertEquals("i0e", ascii(Bencode.encode(0)));
        assertEquals("i9223372036854775807e", ascii(Bencode.encode(Long.MAX_VALUE)));
    }

    @Test
    void stringLengthCountsUtf8BytesNotCharacters() {
        byte[] encoded = Bencode.encode("café");
        assertEquals("5:café", new String(encoded, StandardCharsets.UTF_8));
        assertEquals("0:", ascii(Bencode.encode("")));
    }

    @Test
    void rawByteStringsAreWrittenVerbatim() {
        byte[] raw = {0, (byte) 0xff, 'e', ':'};
        byte[] encoded = Bencode.encode(raw);
        assertEquals("4:", ascii(encoded).substring(0, 2));
        assertArrayEquals(raw, Arrays.copyOfRange(encoded, 2, encoded.length));
    }

    @Test
    void dictionaryKeysAreSortedByTheirRawBytes() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("é", 1);
        map.put("b", 2);
        map.put("Z", 3);
        map.put("a b", 4);
        map.put("a", 5);
        // 'Z' (0x5a) < 'a' < "a b" < 'b' < 'é' (0xc3 0xa9, unsigned)
        assertEquals("d1:Zi3e1:ai5e3:a bi4e1:bi2e2:éi1ee",
                new String(Bencode.encode(map), StandardCharsets.UTF_8));
    }

    @Test
    void unsupportedTypesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Bencode.encode(1.5));
        assertThrows(IllegalArgumentException.class, () -> Bencode.encode(Set.of("a")));
        assertThrows(IllegalArgumentException.class, () -> Bencode.encode(Map.of(1, "a")));
        assertThrows(IllegalArgumentException.class, () -> Bencode.encode(List.of(List.of(true))));
        assertThrows(IllegalArgumentException.class, () -> Bencode.encode(null));
    }

    @Test
    void decodingGivesBackWhatWasEncoded() {
        Map<String, Object> original = new LinkedHashMap<>();
        original.put("a", List.of(1L, -20L, "x"));
        original.put("b", Map.of("nested", "café"));
        original.put("c", new byte[] {1, 2, 3});

        Map<?, ?> decoded = assertInstanceOf(Map.class, Bencode.decode(Bencode.encode(original)));
        assertEquals(List.of("a", "b", "c"), List.copyOf(decoded.keySet()));
        List<?> list = (List<?>) decoded.get("a");
        assertEquals(1L, list.get(0));
        assertEquals(-20L, list.get(1));
        assertArrayEquals("x".getBytes(StandardCharsets.UTF_8), (byte[]) list.get(2));
        Map<?, ?> nested = (Map<?, ?>) decoded.get("b");
        assertEquals("café", new String((byte[]) nested.get("nested"), StandardCharsets.UTF_8));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) decoded.get("c"));
        assertArrayEquals(Bencode.encode(original), Bencode.encode(decoded));
    }

    @Test
    void malformedInputIsRefused() {
        for (String bad : List.of("", "i42", "l1:a", "5:abc", "d1:a", "i1ei2e", "x", "iabce", "-1:a")) {
            byte[] bytes = bad.getBytes(StandardCharsets.US_ASCII);
            assertThrows(IllegalArgumentException.class, () -> Bencode.decode(bytes), bad);
        }
    }
}
