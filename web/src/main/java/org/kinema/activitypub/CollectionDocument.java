package org.kinema.activitypub;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.kinema.federation.FederationService;
import org.kinema.platform.PageResult;

import java.util.List;

/**
 * An ActivityPub collection as PeerTube pages it: the OrderedCollection names its size and its
 * first page (none when it is empty); each OrderedCollectionPage ({@code ?page=N}) lists its items
 * and links the next.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"@context", "id", "type", "totalItems", "first", "partOf", "orderedItems", "prev", "next"})
public record CollectionDocument(@JsonProperty("@context") Object context, String id, String type, long totalItems,
                                 String first, String partOf, List<?> orderedItems, String prev, String next) {

    /** The collection itself ({@code page} 0) or one of its pages, of a page of results. */
    static CollectionDocument of(String id, int page, PageResult<?> result) {
        return page == 0 ? collection(id, result.total())
                : page(id, page, FederationService.COLLECTION_PAGE, result.total(), List.copyOf(result.items()));
    }

    static CollectionDocument collection(String id, long total) {
        return new CollectionDocument(JsonLd.ACTIVITY, id, "OrderedCollection", total, total > 0 ? id + "?page=1" : null,
                null, null, null, null);
    }

    static CollectionDocument page(String id, int page, int pageSize, long total, List<?> items) {
        String prev = page > 1 ? id + "?page=" + (page - 1) : null;
        String next = (long) page * pageSize < total ? id + "?page=" + (page + 1) : null;
        return new CollectionDocument(JsonLd.ACTIVITY, id + "?page=" + page, "OrderedCollectionPage", total, null, id, items,
                prev, next);
    }
}
