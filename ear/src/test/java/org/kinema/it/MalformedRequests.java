package org.kinema.it;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * jqwik's generators of what a careless or hostile client sends: text of every shape (empty,
 * huge, NUL, control characters, other scripts, escapes, numbers past every integer type),
 * malformed JSON and JSON of the wrong types for each field of the body's record, broken forms
 * and multipart bodies, and headers with nonsense in them. Values come from jqwik's arbitraries
 * inside a {@code JqwikSession} with a seed, choices from a {@link Random} with the same seed, so
 * a run can be replayed.
 */
final class MalformedRequests {

    /** A request to send: path and query already encoded, headers, and a body (or null). */
    record Request(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : " body " + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
                    .replaceAll("[\\p{Cntrl}&&[^\\r\\n]]", "?");
            return method + " " + pathAndQuery + " " + headers + shown;
        }
    }

    private final Random random;

    MalformedRequests(long seed) {
        this.random = new Random(seed);
    }

    /** A value of a jqwik arbitrary, from the seeded session the requests are made in. */
    private static <T> T next(Arbitrary<T> arbitrary) {
        return arbitrary.sample();
    }

    /** Text a field may be given. */
    private static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.of("", " ", "0", "-1", "1.5", "1e400", "NaN", "true", "null",
                        "99999999999999999999999", "-9223372036854775809", "2147483648", "\u0000", "a\u0000b", "%00", "%zz",
                        "%", "../../etc/passwd", "..", "{}", "[]", "'; DROP TABLE users; --", "<script>x</script>",
                        "\uD83D\uDE00", "\uD800", "Ω≈ç√", "\r\n", "*", "@", "root", "me", "local", "-createdAt", "x".repeat(300))),
                Tuple.of(1, Arbitraries.strings().withChars('a', 'é', '0', '-', '.', '_', ':').ofMinLength(1000).ofMaxLength(20_000)));
    }

    /** A path segment: text, percent-encoded so that the request line stays well formed. */
    String segment() {
        String value = next(text());
        return switch (random.nextInt(6)) {
            case 0 -> next(Arbitraries.of("%00", "%2F", "%2e%2e", "%25", ";x=1", "%ZZ", "%C0%AF", "."));
            case 1 -> String.valueOf(next(Arbitraries.longs().between(1_000_000, Long.MAX_VALUE)));
            default -> encode(value);
        };
    }

    String query(List<String> names) {
        List<String> all = new ArrayList<>(names);
        all.addAll(List.of("start", "count", "sort", "search", next(text())));
        return all.stream().filter(name -> random.nextInt(3) > 0)
                .map(name -> encode(name) + (random.nextInt(8) == 0 ? "" : "=" + encode(next(text()))))
                .collect(Collectors.joining("&"));
    }

    Map<String, String> headers(String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (random.nextInt(4) == 0) {
            headers.put("Accept", next(Arbitraries.of("*/*", "application/json", "text/html", "nonsense", "application/xml;q=x")));
        }
        if (random.nextInt(5) == 0) {
            headers.put("X-Forwarded-For", next(Arbitraries.of("203.0.113.9", "garbage", "1.2.3.4, 5.6.7.8", "::1", "")));
        }
        if (random.nextInt(5) == 0 && !path.startsWith("/static") && !path.startsWith("/download") && !path.startsWith("/lazy-static")) {
            // media paths' ranges are the media servlet's own tests' business
            headers.put(random.nextBoolean() ? "Range" : "Content-Range", next(Arbitraries.of("bytes=0-", "bytes=5-1",
                    "bytes 0-9/10", "bytes 0-99999999999999999999/1", "bytes */99999999999999999999", "bytes -5--1/x",
                    "bytes=-", "garbage")));
        }
        if (random.nextInt(6) == 0) {
            headers.put("X-Upload-Content-Length", next(Arbitraries.of("-1", "0", "99999999999999999999", "x", "1e3")));
        }
        if (random.nextInt(6) == 0) {
            headers.put("Origin", "https://elsewhere.example");
        }
        return headers;
    }

    /** An Authorization header that is not a token of anyone. */
    String badAuthorization() {
        return next(Arbitraries.of("Bearer ", "Bearer x", "Bearer " + "0".repeat(40), "Basic cm9vdDpyb290", "bearer\u0001",
                "Bearer " + "a".repeat(5000), "Token abc"));
    }

    /** A body for what the endpoint consumes, with its content type (null type: none sent). */
    Map.Entry<String, byte[]> body(List<String> consumes, List<String> formFields, Class<?> bodyType) {
        String type = consumes.isEmpty() ? next(Arbitraries.of("application/json", "text/plain", "multipart/form-data; boundary=B"))
                : consumes.get(random.nextInt(consumes.size()));
        if (random.nextInt(8) == 0) {
            type = next(Arbitraries.of("application/json; charset=nonsense", "multipart/form-data", "application/x-www-form-urlencoded",
                    "text/plain", "image/png", "", "*/*", "application/json;;"));
        }
        String bytes;
        if (type.startsWith("multipart/form-data")) {
            bytes = multipart();
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            bytes = form(formFields);
        } else {
            bytes = json(bodyType);
        }
        return Map.entry(type, bytes.getBytes(StandardCharsets.UTF_8));
    }

    private String json(Class<?> bodyType) {
        if (bodyType != null && bodyType.isRecord() && random.nextInt(4) > 0) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RecordComponent component : bodyType.getRecordComponents()) {
                if (random.nextInt(3) > 0) {
                    fields.put(component.getName(), wrongValue());
                }
            }
            try {
                return Api.JSON.writeValueAsString(fields);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return next(Arbitraries.of("", "{", "}", "[]", "null", "\"x\"", "42", "{\"a\":}", "{\"a\":1,}", "{'a':1}",
                "[".repeat(5000), "{\"a\":".repeat(2000), "{\"name\":\"\\u0000\"}", "{\"name\":\"\\ud800\"}",
                "{\"n\":1e999999}", "\u0000\u0001\u0002", "{\"channelId\":99999999999999999999999}",
                "{\"privacy\":\"x\",\"tags\":{}}", next(text())));
    }

    private Object wrongValue() {
        return switch (random.nextInt(9)) {
            case 0 -> null;
            case 1 -> next(Arbitraries.integers());
            case 2 -> new java.math.BigInteger("9".repeat(30));
            case 3 -> List.of(next(text()), 1);
            case 4 -> Map.of("nested", Map.of("deeper", next(text())));
            case 5 -> random.nextBoolean();
            case 6 -> -1;
            default -> next(text());
        };
    }

    private String form(List<String> fields) {
        List<String> names = new ArrayList<>(fields);
        names.add(next(text()));
        String form = names.stream().filter(name -> random.nextInt(3) > 0)
                .map(name -> encode(name) + "=" + encode(next(text()))).collect(Collectors.joining("&"));
        return random.nextInt(4) == 0 ? next(Arbitraries.of("%zz=1", "a=%", "&&==&", "=x", "a=%00", "grant_type=password&a=%u1234")) : form;
    }

    private String multipart() {
        if (random.nextInt(3) == 0) {
            return next(Arbitraries.of("--B\r\nNone--B--\r\n", "--B--\r\n", "", "--B\r\n\r\n", "garbage",
                    "--B\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B--\r\n",
                    "--B\r\nContent-Disposition: form-data; name=\"videofile\"; filename=\"a.mp4\"\r\n\r\nnot a video",
                    "--C\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--C--\r\n"));
        }
        StringBuilder body = new StringBuilder();
        for (String name : List.of("name", "channelId", "privacy", "category", "tags[0]", "tags", "nsfw", "description",
                "commentsPolicy", "videofile", "thumbnailfile", "previewfile", next(text()))) {
            if (random.nextInt(3) == 0) {
                boolean file = name.endsWith("file");
                body.append("--B\r\nContent-Disposition: form-data; name=\"").append(name.replace("\"", "")).append('"')
                        .append(file ? "; filename=\"" + next(text()).replace("\"", "") + "\"" : "").append("\r\n\r\n")
                        .append(next(text())).append("\r\n");
            }
        }
        return body.append(random.nextInt(5) == 0 ? "" : "--B--\r\n").toString();
    }

    boolean chance(int outOf) {
        return random.nextInt(outOf) == 0;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
