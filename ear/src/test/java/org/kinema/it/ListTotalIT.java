package org.kinema.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A list's total is exact: counted anew within seconds of an upload or a deletion, and never waited for in vain. */
@ExtendWith(KinemaServer.class)
class ListTotalIT {

    private static final Api API = KinemaServer.api();
    private static final Duration WITHIN = Duration.ofSeconds(30);
    /** More than the node's 30 database connections (KINEMA_DB_POOL_SIZE). */
    private static final int CONNECTIONS_AND_MORE = 40;

    @Test
    void totalsCountAPublishedUploadAndADeletionWithinSeconds() throws Exception {
        String owner = Fresh.name("total");
        String token = API.newUser(owner, "secret-password");
        String ofChannel = "/api/v1/video-channels/" + owner + "_channel/videos";
        String ofAccount = "/api/v1/accounts/" + owner + "/videos";
        assertEquals(0, total(ofChannel));
        assertEquals(0, total(ofAccount));

        Path clip = Media.clip(Path.of("target", "media", "clip-2s-144p.mp4"), 2, 256, 144);
        String uuid = Videos.uploaded(API, token, clip, Map.of("name", "Counted once published"));
        Videos.awaitPublished(API, token, uuid);
        awaitTotal(ofChannel, () -> 1);
        awaitTotal(ofAccount, () -> 1);
        awaitTotal("/api/v1/videos", ListTotalIT::listedInTheDatabase);

        assertEquals(204, API.delete("/api/v1/videos/" + uuid, token).status());
        awaitTotal(ofChannel, () -> 0);
        awaitTotal(ofAccount, () -> 0);
        awaitTotal("/api/v1/videos", ListTotalIT::listedInTheDatabase);
    }

    /**
     * More requests at once than the node has database connections, for a list whose total is not
     * counted yet: one of them counts, the others wait for it, and none waits in vain.
     */
    @Test
    void moreRequestsThanConnectionsForAListNotYetCountedAllGetItsTotal() throws Exception {
        String list = "/api/v1/videos?count=1&languageOneOf=" + Fresh.name("lang");
        List<CompletableFuture<Api.Reply>> replies = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS_AND_MORE);
        try {
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < CONNECTIONS_AND_MORE; i++) {
                replies.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return API.get(list, null);
                }, clients));
            }
            start.countDown();
            for (CompletableFuture<Api.Reply> reply : replies) {
                Api.Reply answer = reply.get();
                assertEquals(200, answer.status(), answer::toString);
                assertEquals(0, answer.json().path("total").asLong(-1), answer::toString);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long total(String list) {
        return API.get(list + "?count=1", null).json().path("total").asLong(-1);
    }

    /** Waits (a bounded while) until the list's total is the expected one, asked anew each time. */
    private static void awaitTotal(String list, LongSupplier expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(WITHIN);
        long shown = total(list);
        while (shown != expected.getAsLong() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            shown = total(list);
        }
        assertEquals(expected.getAsLong(), shown, list + " total, " + WITHIN.toSeconds() + " s on");
    }

    private static long listedInTheDatabase() {
        try (Connection db = KinemaServer.database(); Statement statement = db.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM kinema.video WHERE privacy = 1 AND state = 1")) {
            count.next();
            return count.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
