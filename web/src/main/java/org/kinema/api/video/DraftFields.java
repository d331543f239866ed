package org.kinema.api.video;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import org.kinema.api.platform.JsonMapper;
import org.kinema.platform.DomainException;
import org.kinema.video.CommentsPolicy;
import org.kinema.video.VideoDraft;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A video's metadata as PeerTube clients send it, in form fields ({@code tags[0]}, {@code tags[]}
 * or repeated {@code tags}) or in JSON, read into a {@link VideoDraft} with a 400 naming any field
 * of the wrong type or holding a NUL character, and a 413 for a text field past its bound. Other
 * forms of PeerTube's (a playlist's) are read with it too.
 */
public final class DraftFields {

    private DraftFields() {
    }

    /** The largest text field of a form: PeerTube's longest field, a description, is 10,000 characters. */
    static final int TEXT_FIELD_MAX = 64 * 1024;

    /** The text fields of a multipart form; file parts go to {@code files} when it is given. */
    static Map<String, List<String>> fromParts(Collection<Part> parts, Map<String, Part> files) throws IOException {
        Map<String, List<String>> fields = new HashMap<>();
        for (Part part : parts) {
            if (part.getSubmittedFileName() != null) {
                if (files != null) {
                    files.put(part.getName(), part);
                }
            } else {
                try (InputStream text = part.getInputStream()) {
                    add(fields, part.getName(), text);
                }
            }
        }
        return fields;
    }

    /** The same, for a form read by the JAX-RS runtime. */
    public static Map<String, List<String>> fromEntityParts(List<EntityPart> parts, Map<String, EntityPart> files) throws IOException {
        Map<String, List<String>> fields = new HashMap<>();
        for (EntityPart part : parts) {
            if (part.getFileName().isPresent()) {
                files.put(part.getName(), part);
            } else {
                add(fields, part.getName(), part.getContent());
            }
        }
        return fields;
    }

    /** The fields of a plain form (read by the container) or of a JSON object body. */
    public static Map<String, List<String>> fromRequest(HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType();
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            Map<String, List<String>> fields = new HashMap<>();
            request.getParameterMap().forEach((key, values) -> fields.put(key, List.of(values)));
            return fields;
        }
        return fromJson(request.getInputStream());
    }

    /** The fields of a JSON object body; arrays become several values. */
    public static Map<String, List<String>> fromJson(InputStream body) throws IOException {
        JsonNode json = JsonMapper.mapper().readTree(body);
        if (json == null || !json.isObject()) {
            throw DomainException.invalid("The request body must be a JSON object");
        }
        Map<String, List<String>> fields = new HashMap<>();
        json.fields().forEachRemaining(entry -> {
            List<String> values = new ArrayList<>();
            if (entry.getValue().isArray()) {
                entry.getValue().forEach(item -> values.add(checked(entry.getKey(), item.asText())));
            } else if (!entry.getValue().isNull()) {
                values.add(checked(entry.getKey(), entry.getValue().asText()));
            }
            fields.put(entry.getKey(), values);
        });
        return fields;
    }

    /** Reads one text field, refusing one past {@link #TEXT_FIELD_MAX} bytes without reading it all. */
    private static void add(Map<String, List<String>> fields, String name, InputStream text) throws IOException {
        byte[] bytes = text.readNBytes(TEXT_FIELD_MAX + 1);
        if (bytes.length > TEXT_FIELD_MAX) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, name + " is longer than " + TEXT_FIELD_MAX + " bytes");
        }
        fields.computeIfAbsent(name, key -> new ArrayList<>()).add(checked(name, new String(bytes, StandardCharsets.UTF_8)));
    }

    private static String checked(String name, String value) {
        if (value.indexOf('\0') >= 0) {
            throw DomainException.invalid(name + " must not contain a NUL character");
        }
        return value;
    }

    static VideoDraft from(Map<String, List<String>> fields) {
        return new VideoDraft(longValue(fields, "channelId"), text(fields, "name"), integer(fields, "privacy"),
                integer(fields, "category"), integer(fields, "licence"), text(fields, "language"),
                text(fields, "description"), text(fields, "support"), list(fields, "tags"), bool(fields, "nsfw"),
                commentsPolicy(fields), bool(fields, "downloadEnabled"), bool(fields, "waitTranscoding"),
                given(fields, "videoPasswords") ? list(fields, "videoPasswords") : null);
    }

    /** PeerTube's {@code commentsPolicy}, or its older {@code commentsEnabled} (true: enabled, false: disabled). */
    private static Integer commentsPolicy(Map<String, List<String>> fields) {
        Integer policy = integer(fields, "commentsPolicy");
        if (policy != null) {
            return policy;
        }
        Boolean enabled = bool(fields, "commentsEnabled");
        return enabled == null ? null : enabled ? CommentsPolicy.ENABLED.id() : CommentsPolicy.DISABLED.id();
    }

    /** A list field as forms and JSON carry one: {@code name[0]}, {@code name[]}, repeated {@code name}, or an array. */
    private static List<String> list(Map<String, List<String>> fields, String name) {
        Map<Integer, String> indexed = new TreeMap<>();
        List<String> list = new ArrayList<>();
        fields.forEach((key, values) -> {
            if (key.equals(name) || key.equals(name + "[]")) {
                values.stream().filter(value -> !value.isBlank()).forEach(list::add);
            } else if (isIndexed(key, name)) {
                indexed.put(Integer.parseInt(key.substring(name.length() + 1, key.length() - 1)), values.get(0));
            }
        });
        list.addAll(indexed.values());
        return list;
    }

    private static boolean given(Map<String, List<String>> fields, String name) {
        return fields.keySet().stream().anyMatch(key -> key.equals(name) || key.equals(name + "[]") || isIndexed(key, name));
    }

    private static boolean isIndexed(String key, String name) {
        return key.startsWith(name + "[") && key.substring(name.length()).matches("\\[\\d{1,3}]");
    }

    public static String text(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isEmpty()) {
            return null;
        }
        return values.get(0);
    }

    public static Integer integer(Map<String, List<String>> fields, String name) {
        String value = text(fields, name);
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, "an integer");
        }
    }

    public static Long longValue(Map<String, List<String>> fields, String name) {
        String value = text(fields, name);
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, "an integer");
        }
    }

    private static Boolean bool(Map<String, List<String>> fields, String name) {
        String value = text(fields, name);
        if (value == null) {
            return null;
        }
        return switch (value.trim()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw invalid(name, "true or false");
        };
    }

    private static DomainException invalid(String name, String what) {
        return DomainException.invalid(name + " must be " + what);
    }
}
