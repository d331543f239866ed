package org.kinema.api.platform;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one ObjectMapper of the API. Dates are written as PeerTube writes them
 * ({@code 2024-05-01T09:30:00.000Z}) and read as ISO 8601; unknown fields in requests are ignored, as PeerTube does;
 * a text field holding a NUL character is refused (PostgreSQL takes no NUL in text).
 */
@Provider
public class JsonMapper implements ContextResolver<ObjectMapper> {

    static final DateTimeFormatter PEERTUBE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private static final ObjectMapper MAPPER = create();

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return MAPPER;
    }

    private static ObjectMapper create() {
        SimpleModule peertube = new SimpleModule("peertube");
        peertube.addSerializer(OffsetDateTime.class, new JsonSerializer<>() {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(format(value));
            }
        });
        peertube.addDeserializer(OffsetDateTime.class, new StdScalarDeserializer<>(OffsetDateTime.class) {
            @Override
            public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.getValueAsString();
                try {
                    return text == null || text.isBlank() ? null : OffsetDateTime.parse(text);
                } catch (java.time.format.DateTimeParseException e) {
                    throw context.weirdStringException(text, OffsetDateTime.class, "not an ISO 8601 date-time");
                }
            }
        });
        peertube.addDeserializer(String.class, new StdScalarDeserializer<>(String.class) {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = StringDeserializer.instance.deserialize(parser, context);
                if (text != null && text.indexOf('\0') >= 0) {
                    throw context.weirdStringException(text, String.class, "a NUL character is not accepted");
                }
                return text;
            }
        });
        return new ObjectMapper()
                .registerModule(peertube)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    static String format(OffsetDateTime value) {
        return PEERTUBE_DATE.format(value.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
