package org.kinema.search;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * PostgreSQL's {@code tsquery} text for a search: every word must match, each either as written
 * or as one of the known words it was widened to: {@code ('lecure' | 'lecture') & 'rivers'}.
 * Words are quoted as lexemes, so nothing in them is read as an operator.
 */
final class FullTextQuery {

    private FullTextQuery() {
    }

    /** From each word to its alternatives, in order; null for no words. */
    static String of(Map<String, List<String>> alternatives) {
        if (alternatives.isEmpty()) {
            return null;
        }
        return alternatives.entrySet().stream()
                .map(word -> word.getValue().isEmpty() ? lexeme(word.getKey())
                        : "(" + lexeme(word.getKey()) + word.getValue().stream().distinct().filter(known -> !known.equals(word.getKey()))
                        .map(known -> " | " + lexeme(known)).collect(Collectors.joining()) + ")")
                .collect(Collectors.joining(" & "));
    }

    /** A lexeme in quotes: a quote doubled, a backslash escaped. */
    static String lexeme(String word) {
        return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
