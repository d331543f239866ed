package org.kinema.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SortOrdersTest {

    private final SortOrders sorts = SortOrders.of("-publishedAt",
            "publishedAt", "v.publishedAt, v.id",
            "trending", "v.views, v.id",
            "id", "v.id");

    @Test
    void leadingMinusOrdersEveryColumnDescending() {
        assertEquals(" ORDER BY v.publishedAt DESC, v.id DESC", sorts.orderBy(Page.of(0, 10, "-publishedAt")));
    }

    @Test
    void plainNameOrdersEveryColumnAscending() {
        assertEquals(" ORDER BY v.views ASC, v.id ASC", sorts.orderBy(Page.of(0, 10, "trending")));
    }

    @Test
    void noSortTakesTheFallback() {
        assertEquals(" ORDER BY v.publishedAt DESC, v.id DESC", sorts.orderBy(Page.of(0, 10, null)));
        assertEquals(" ORDER BY v.publishedAt DESC, v.id DESC", sorts.orderBy(Page.of(0, 10, " ")));
    }

    @Test
    void aUniqueColumnNeedsNoTieBreaker() {
        assertEquals(" ORDER BY v.id DESC", sorts.orderBy(Page.of(0, 10, "-id")));
    }

    @Test
    void unknownSortIsRefusedNamingTheKnownOnes() {
        DomainException refused = assertThrows(DomainException.class, () -> sorts.orderBy(Page.of(0, 10, "-match")));
        assertEquals(DomainException.Kind.INVALID, refused.kind());
        assertTrue(refused.getMessage().contains("publishedAt, trending, id"), refused.getMessage());
    }

    @Test
    void aSignWithoutANameOrTwoSignsAreRefused() {
        assertThrows(DomainException.class, () -> sorts.orderBy(Page.of(0, 10, "-")));
        assertThrows(DomainException.class, () -> sorts.orderBy(Page.of(0, 10, "--id")));
        assertThrows(DomainException.class, () -> sorts.orderBy(Page.of(0, 10, "v.id; DROP TABLE video")));
    }
}
