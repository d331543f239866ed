package org.kinema.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What two real PeerTube 6.3 servers (A at {@code localhost:9001}, B at {@code localhost:9002})
 * served and delivered, as captured on the wire in the shared reference next to the repository
 * ({@code ../shared/reference/peertube-activitypub.md}); tests that replay them are skipped where
 * the reference is not there. Each document comes as captured, with the captured servers' origins
 * replaced by the ones a test plays them at.
 */
final class CapturedPeerTube {

    static final String A = "http://localhost:9001";
    static final String B = "http://localhost:9002";
    private static final String FILE = "shared/reference/peertube-activitypub.md";

    private final String text;

    private CapturedPeerTube(String text) {
        this.text = text;
    }

    /** The captures, or the test is skipped. */
    static CapturedPeerTube read() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE);
            if (Files.exists(candidate)) {
                try {
                    return new CapturedPeerTube(Files.readString(candidate));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Assumptions.abort("The captured PeerTube documents (" + FILE + ") are not next to this checkout");
        return null;
    }

    /** Server A's account {@code root} (a Person). */
    ObjectNode person(String aOrigin) {
        return json(block("Actor: GET /accounts/root"), aOrigin, null);
    }

    /** Server A's video, as its watch URL served it. */
    ObjectNode video(String aOrigin) {
        return json(block("Video object: GET /videos/watch/"), aOrigin, null);
    }

    /** A's WebFinger answer for {@code acct:root@localhost:9001}. */
    ObjectNode webFinger(String aOrigin) {
        return json(block("GET /.well-known/webfinger"), aOrigin, null);
    }

    /** The Announce of a new video by A's channel that B's shared inbox received. */
    ObjectNode announce(String aOrigin) {
        return json(block("What a server-follower receives when a new video is published"), aOrigin, null);
    }

    /** B's instance actor's Undo of its Follow of A's, then the Follow, then A's Accept, as A's and B's inboxes received them. */
    List<ObjectNode> followExchange(String aOrigin, String bOrigin) {
        return section("Server follow exchange").lines().filter(line -> line.startsWith("{\"@context\""))
                .map(line -> json(line, aOrigin, bOrigin)).toList();
    }

    private ObjectNode json(String captured, String aOrigin, String bOrigin) {
        String replayed = captured.replace(A, aOrigin).replace("localhost:9001", host(aOrigin));
        if (bOrigin != null) {
            replayed = replayed.replace(B, bOrigin).replace("localhost:9002", host(bOrigin));
        }
        try {
            return (ObjectNode) Api.JSON.readTree(replayed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String host(String origin) {
        return origin.substring(origin.indexOf("://") + 3);
    }

    /** The first JSON block of the section whose heading starts with {@code heading}. */
    private String block(String heading) {
        String section = section(heading);
        int start = section.indexOf("```json");
        Assumptions.assumeTrue(start >= 0, "no JSON under " + heading);
        int end = section.indexOf("```", start + 7);
        return section.substring(start + 7, end).trim();
    }

    private String section(String heading) {
        int at = text.indexOf("### " + heading);
        Assumptions.assumeTrue(at >= 0, "no section " + heading);
        int end = text.indexOf("\n### ", at + 4);
        return text.substring(at, end < 0 ? text.length() : end);
    }
}
