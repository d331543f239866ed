package org.kinema.activitypub;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The documents real PeerTube servers served, as captured in the shared reference next to the
 * repository ({@code ../shared/reference/peertube-activitypub.md}); tests that need them are
 * skipped where the reference is not there.
 */
final class ReferenceSamples {

    private static final String FILE = "shared/reference/peertube-activitypub.md";

    private ReferenceSamples() {
    }

    /** The first JSON block after the heading that starts with {@code heading}. */
    static String jsonAfter(String heading) {
        String text = reference();
        int at = text.indexOf("### " + heading);
        Assumptions.assumeTrue(at >= 0, "no sample under " + heading);
        int start = text.indexOf("```json", at);
        int end = text.indexOf("```", start + 7);
        return text.substring(start + 7, end).trim();
    }

    /** The first line after the heading that starts with {@code prefix}. */
    static String lineAfter(String heading, String prefix) {
        List<String> lines = linesStartingWith(heading, prefix);
        Assumptions.assumeFalse(lines.isEmpty(), "no line " + prefix + " under " + heading);
        return lines.get(0);
    }

    /** The lines of a heading's section that start with {@code prefix}, in order. */
    static List<String> linesStartingWith(String heading, String prefix) {
        String text = reference();
        int at = text.indexOf("### " + heading);
        Assumptions.assumeTrue(at >= 0, "no section " + heading);
        int end = text.indexOf("\n### ", at + 4);
        return text.substring(at, end < 0 ? text.length() : end).lines().filter(line -> line.startsWith(prefix)).toList();
    }

    private static String reference() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE);
            if (Files.exists(candidate)) {
                try {
                    return Files.readString(candidate);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Assumptions.abort("The PeerTube reference samples (" + FILE + ") are not next to this checkout");
        return null;
    }
}
