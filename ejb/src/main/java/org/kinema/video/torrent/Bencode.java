package org.kinema.video.torrent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bencoding, the serialization of BitTorrent metainfo: byte strings, integers, lists and
 * dictionaries whose keys are sorted by their raw bytes.
 */
public final class Bencode {

    private Bencode() {
    }

    /**
     * Encodes a value made of {@code String} (as UTF-8), {@code byte[]}, {@code Long},
     * {@code Integer}, {@code List<?>} and {@code Map<String, ?>}.
     *
     * @throws IllegalArgumentException if the value, or anything inside it, is of another type
     */
    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toByteArray();
    }

    /**
     * Decodes one bencoded value: byte strings become {@code byte[]}, integers {@code Long}, lists
     * {@code List<Object>} and dictionaries {@code LinkedHashMap<String, Object>} (keys read as
     * UTF-8, in their encoded order).
     *
     * @throws IllegalArgumentException if the input is not exactly one well-formed value
     */
    public static Object decode(byte[] data) {
        Decoder decoder = new Decoder(data);
        Object value = decoder.value();
        if (decoder.pos != data.length) {
            throw new IllegalArgumentException("Trailing data at offset " + decoder.pos);
        }
        return value;
    }

    private static void write(Object value, ByteArrayOutputStream out) {
        if (value instanceof String s) {
            writeBytes(s.getBytes(StandardCharsets.UTF_8), out);
        } else if (value instanceof byte[] bytes) {
            writeBytes(bytes, out);
        } else if (value instanceof Long || value instanceof Integer) {
            writeAscii("i" + value + "e", out);
        } else if (value instanceof List<?> list) {
            out.write('l');
            list.forEach(item -> write(item, out));
            out.write('e');
        } else if (value instanceof Map<?, ?> map) {
            writeDictionary(map, out);
        } else {
            String type = value == null ? "null" : value.getClass().getName();
            throw new IllegalArgumentException("Cannot bencode " + type);
        }
    }

    private static void writeDictionary(Map<?, ?> map, ByteArrayOutputStream out) {
        List<Map.Entry<byte[], ?>> entries = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("Dictionary keys must be strings: " + entry.getKey());
            }
            entries.add(new SimpleImmutableEntry<>(key.getBytes(StandardCharsets.UTF_8), entry.getValue()));
        }
        entries.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
        out.write('d');
        for (Map.Entry<byte[], ?> entry : entries) {
            writeBytes(entry.getKey(), out);
            write(entry.getValue(), out);
        }
        out.write('e');
    }

    private static void writeBytes(byte[] bytes, ByteArrayOutputStream out) {
        writeAscii(bytes.length + ":", out);
        out.writeBytes(bytes);
    }

    private static void writeAscii(String text, ByteArrayOutputStream out) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Recursive-descent reader over a byte array. */
    private static final class Decoder {
        private final byte[] data;
        private int pos;

        Decoder(byte[] data) {
            this.data = data;
        }

        Object value() {
            byte b = peek();
            if (b == 'i') {
                pos++;
                return Long.parseLong(until('e'));
            }
            if (b == 'l') {
                pos++;
                List<Object> list = new ArrayList<>();
                while (peek() != 'e') {
                    list.add(value());
                }
                pos++;
                return list;
            }
            if (b == 'd') {
                pos++;
                Map<String, Object> map = new LinkedHashMap<>();
                while (peek() != 'e') {
                    map.put(new String(bytes(), StandardCharsets.UTF_8), value());
                }
                pos++;
                return map;
            }
            return bytes();
        }

        private byte[] bytes() {
            String digits = until(':');
            if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("Bad string length at offset " + pos);
            }
            int length = Integer.parseInt(digits);
            if (length > data.length - pos) {
                throw new IllegalArgumentException("String runs past the end at offset " + pos);
            }
            byte[] bytes = Arrays.copyOfRange(data, pos, pos + length);
            pos += length;
            return bytes;
        }

        private String until(char end) {
            int start = pos;
            while (peek() != end) {
                pos++;
            }
            String text = new String(data, start, pos - start, StandardCharsets.US_ASCII);
            pos++;
            return text;
        }

        private byte peek() {
            if (pos >= data.length) {
                throw new IllegalArgumentException("Unexpected end of data");
            }
            return data[pos];
        }
    }
}
