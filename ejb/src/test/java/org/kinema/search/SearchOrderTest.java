package org.kinema.search;

import org.junit.jupiter.api.Test;
import org.kinema.platform.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchOrderTest {

    @Test
    void relevanceComesFirstWhenNoSortIsAsked() {
        SearchOrder order = SearchOrder.ofVideos(null);
        assertTrue(order.isMatch());
        assertTrue(order.descending());
    }

    @Test
    void aSortNamesItsColumnAndDirection() {
        assertEquals("v.views DESC, v.id DESC", SearchOrder.ofVideos("-views").sql("v.published_at", "v.id"));
        assertEquals("v.name ASC, v.id ASC", SearchOrder.ofVideos("name").sql("v.published_at", "v.id"));
    }

    @Test
    void unknownSortIsRefusedNamingTheKnownOnes() {
        DomainException refused = assertThrows(DomainException.class, () -> SearchOrder.ofVideos("-trending"));
        assertTrue(refused.getMessage().contains("publishedAt"), refused.getMessage());
        assertThrows(DomainException.class, () -> SearchOrder.ofChannels("-views"));
        assertThrows(DomainException.class, () -> SearchOrder.ofVideos("--views"));
    }
}
