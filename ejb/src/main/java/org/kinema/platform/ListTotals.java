package org.kinema.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The totals of this node's busiest lists: exact, but counted at most every {@link #FRESH} per
 * filter (longer for a count that takes long: all 1,000,000 public videos take about 130 ms, so
 * 2.6 s) and never older than {@link #USABLE}, on the managed executor (see {@link RecentCounts}),
 * so that a page of a long list does not wait for a count of all its rows.
 */
@ApplicationScoped
public class ListTotals {

    static final Duration FRESH = Duration.ofSeconds(2);
    static final Duration USABLE = Duration.ofSeconds(10);
    private static final int FILTERS = 1000;

    @Resource
    private ManagedExecutorService executor;

    private RecentCounts counts;

    @PostConstruct
    void start() {
        counts = new RecentCounts(FRESH, USABLE, FILTERS, executor, System::nanoTime);
    }

    /** The total of the list {@code filter} names (a query with its parameters), counted by {@code counter}. */
    public long of(Object filter, LongSupplier counter) {
        return counts.count(filter, counter);
    }
}
