package org.kinema.api.platform;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonMapperTest {

    @Test
    void datesAreUtcWithMilliseconds() throws Exception {
        OffsetDateTime date = OffsetDateTime.of(2024, 5, 1, 11, 30, 0, 123_456_789, ZoneOffset.ofHours(2));
        assertEquals("{\"at\":\"2024-05-01T09:30:00.123Z\"}", JsonMapper.mapper().writeValueAsString(Map.of("at", date)));
    }

    @Test
    void unknownFieldsInRequestsAreIgnored() throws Exception {
        record Body(String name) {
        }
        assertEquals("x", JsonMapper.mapper().readValue("{\"name\":\"x\",\"extra\":1}", Body.class).name());
    }

    @Test
    void textWithANulCharacterIsRefused() {
        record Body(String name, java.util.List<String> tags) {
        }
        assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> JsonMapper.mapper().readValue("{\"name\":\"a\\u0000b\"}", Body.class));
        assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> JsonMapper.mapper().readValue("{\"tags\":[\"a\\u0000\"]}", Body.class));
    }
}
