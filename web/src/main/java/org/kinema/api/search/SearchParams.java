package org.kinema.api.search;

import jakarta.ws.rs.core.MultivaluedMap;
import org.kinema.api.platform.Paging;
import org.kinema.platform.DomainException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Search's query parameters: repeated ones ({@code tagsOneOf=a&tagsOneOf=b}, or {@code tagsOneOf[]=…}),
 * ISO 8601 dates, PeerTube's {@code nsfw} and {@code searchTarget}; anything malformed is a 400
 * naming the parameter.
 */
final class SearchParams {

    private static final int MAX_VALUE_LENGTH = 100;

    private SearchParams() {
    }

    static List<String> strings(MultivaluedMap<String, String> query, String name) {
        List<String> values = new ArrayList<>();
        for (String key : List.of(name, name + "[]")) {
            for (String value : query.getOrDefault(key, List.of())) {
                if (value.length() > MAX_VALUE_LENGTH || value.codePoints().anyMatch(Character::isISOControl)) {
                    throw DomainException.invalid(name + " takes values of at most " + MAX_VALUE_LENGTH
                            + " characters, without control characters");
                }
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        return values;
    }

    static List<Integer> integers(MultivaluedMap<String, String> query, String name) {
        return strings(query, name).stream().map(value -> Paging.integer(name, value)).toList();
    }

    /** A date and time ({@code 2024-05-01T12:00:00Z}; UTC when it names no offset) or a day ({@code 2024-05-01}). */
    static OffsetDateTime date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC)
                        : LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw DomainException.invalid(name + " must be an ISO 8601 date, e.g. 2024-05-01T12:00:00Z");
            }
        }
    }

    /** PeerTube's {@code nsfw}: {@code true}, {@code false}, or {@code both} (the same as none). */
    static Boolean nsfw(String value) {
        return value == null || value.isBlank() || value.strip().equals("both") ? null : Paging.bool("nsfw", value);
    }

    /** Only this instance is searched: there is no search index to send a search to. */
    static void localTarget(String searchTarget) {
        if (searchTarget == null || searchTarget.isBlank() || searchTarget.strip().equals("local")) {
            return;
        }
        throw DomainException.invalid(searchTarget.strip().equals("search-index")
                ? "This instance uses no search index: searchTarget may only be local"
                : "searchTarget is local or search-index");
    }
}
