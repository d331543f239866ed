package org.kinema.search;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FullTextQueryTest {

    @Test
    void everyWordMustMatchAsWrittenOrAsAKnownWordItMeans() {
        Map<String, List<String>> words = new LinkedHashMap<>();
        words.put("lecure", List.of("lecture", "lectures", "lecture"));
        words.put("rivers", List.of());
        assertEquals("('lecure' | 'lecture' | 'lectures') & 'rivers'", FullTextQuery.of(words));
    }

    @Test
    void quotesAndBackslashesStayInsideTheirLexeme() {
        assertEquals("'it''s' & 'a\\\\b' & '!:*'", FullTextQuery.of(new LinkedHashMap<>(Map.of("it's", List.of())) {{
            put("a\\b", List.of());
            put("!:*", List.of());
        }}));
    }

    @Test
    void noWordsMakeNoQuery() {
        assertNull(FullTextQuery.of(Map.of()));
    }
}
