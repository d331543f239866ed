package org.kinema.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for what happens in the background (a delivery, an inbox's processing) to show. */
final class Eventually {

    private Eventually() {
    }

    /** Asks for {@code answer} twice a second until {@code done} holds of it (two minutes at most); the last answer. */
    static <T> T await(String what, Supplier<T> answer, Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = answer.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Waited in vain for " + what + "; last answer: " + last);
    }
}
