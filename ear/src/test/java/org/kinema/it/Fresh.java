package org.kinema.it;

import java.util.concurrent.atomic.AtomicInteger;

/** Fresh names and folders, so tests never depend on each other's data. */
public final class Fresh {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000, 36);

    private Fresh() {
    }

    /** A username-safe unique name with the given prefix. */
    public static String name(String prefix) {
        return prefix + "_" + RUN + "_" + COUNTER.incrementAndGet();
    }

}
