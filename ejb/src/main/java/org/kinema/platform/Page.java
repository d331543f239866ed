package org.kinema.platform;

/**
 * Which slice of a list is asked for, in PeerTube's terms: {@code start} items skipped,
 * at most {@code count} returned (1 to 100, 15 when not given), ordered by {@code sort}
 * ({@code -createdAt} is newest first; each list knows its sorts, see {@link SortOrders}).
 */
public record Page(int start, int count, String sort) {

    public static final int DEFAULT_COUNT = 15;
    public static final int MAX_COUNT = 100;

    public Page {
        if (start < 0) {
            throw DomainException.invalid("start must be 0 or more");
        }
        if (count < 1 || count > MAX_COUNT) {
            throw DomainException.invalid("count must be between 1 and " + MAX_COUNT);
        }
    }

    public static Page of(Integer start, Integer count, String sort) {
        return new Page(start == null ? 0 : start, count == null ? DEFAULT_COUNT : count, sort);
    }
}
