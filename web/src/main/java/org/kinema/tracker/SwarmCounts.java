package org.kinema.tracker;

/** A swarm as trackers report it: seeders, leechers, and how many finished while it was tracked. */
public record SwarmCounts(int complete, int incomplete, long downloaded) {

    public static final SwarmCounts EMPTY = new SwarmCounts(0, 0, 0);
}
