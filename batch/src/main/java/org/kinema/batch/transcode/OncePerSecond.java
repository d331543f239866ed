package org.kinema.batch.transcode;

import java.util.function.IntConsumer;

/**
 * Passes on an encoder's progress (reported twice a second or more) at most once a second, and
 * only when the percentage changed: each report is a write to the database.
 */
final class OncePerSecond implements IntConsumer {

    private final IntConsumer report;
    private long lastReport;
    private int lastPercent = -1;

    OncePerSecond(IntConsumer report) {
        this.report = report;
    }

    @Override
    public void accept(int percent) {
        long now = System.currentTimeMillis();
        if (percent != lastPercent && now - lastReport >= 1000) {
            lastReport = now;
            lastPercent = percent;
            report.accept(percent);
        }
    }
}
