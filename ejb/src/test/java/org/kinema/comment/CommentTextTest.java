package org.kinema.comment;

import org.junit.jupiter.api.Test;
import org.kinema.platform.DomainException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommentTextTest {

    private static final String HOST = "kinema.example:9000";

    @Test
    void markdownBecomesParagraphsEmphasisListsAndLinks() {
        String html = CommentText.of("Hello *world*, **you**\nsecond line\n\n- one\n- two\n\n[site](https://example.org)",
                HOST).html();
        assertEquals("<p>Hello <em>world</em>, <strong>you</strong><br />\nsecond line</p>\n<ul><li>one</li><li>two</li></ul>\n"
                + "<p><a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\">site</a></p>", html);
    }

    @Test
    void bareUrlsBecomeLinks() {
        assertTrue(CommentText.of("see https://example.org/x", HOST).html()
                .contains("<a href=\"https://example.org/x\" rel=\"nofollow noopener noreferrer\">https://example.org/x</a>"));
    }

    @Test
    void scriptsNeverComeOut() {
        for (String attack : List.of("<script>alert(1)</script>", "hi <script>alert(1)</script>",
                "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>", "[x](javascript:alert(1))",
                "[x](JaVaScRiPt:alert(1))", "<p onclick=\"alert(1)\">x</p>", "<svg onload=alert(1)>",
                "<iframe src=\"https://evil.example\"></iframe>", "[x](data:text/html;base64,PHNjcmlwdD4=)",
                "<style>body{}</style>", "```\n<script>x</script>\n```", "    <script>indented</script>")) {
            String html = CommentText.of(attack, HOST).html().toLowerCase();
            assertFalse(html.contains("<script") || html.contains("javascript:") || html.contains("onerror")
                    || html.contains("onclick") || html.contains("onload") || html.contains("<iframe")
                    || html.contains("<img") || html.contains("data:") || html.contains("<style"), attack + " gave " + html);
        }
    }

    @Test
    void headingsQuotesAndCodeBlocksStayText() {
        String html = CommentText.of("# Title\n> quote", HOST).html();
        assertFalse(html.contains("<h1") || html.contains("<blockquote"), html);
        assertTrue(html.contains("# Title"), html);
    }

    @Test
    void mentionsOfAccountsHereAndElsewhereAreRead() {
        assertEquals(List.of(new CommentText.Handle("alice", null), new CommentText.Handle("bob", "peertube.example"),
                        new CommentText.Handle("carol", null)),
                CommentText.of("@alice thanks, @bob@peertube.example and @carol@" + HOST + ". @Alice again, "
                        + "mail me at dan@mail.example", HOST).mentions());
    }

    @Test
    void deeplyNestedMarkdownIsRenderedWithoutFailing() {
        for (String nested : List.of("- ".repeat(4_999) + "x", "*".repeat(5_000) + "x" + "*".repeat(4_999),
                "[".repeat(5_000), "<em>".repeat(2_000), "1. ".repeat(3_000), "> ".repeat(4_999) + "x")) {
            assertTrue(CommentText.of(nested, HOST).html().length() > 0, nested.substring(0, 10));
        }
    }

    @Test
    void aMentionTooLongToBeAnAccountIsNoMention() {
        assertEquals(List.of(), CommentText.of("@" + "a".repeat(101) + " @b@" + "c".repeat(256) + ".example", HOST).mentions());
    }

    @Test
    void emptyOrTooLongTextIsRefused() {
        assertThrows(DomainException.class, () -> CommentText.of("", HOST));
        assertThrows(DomainException.class, () -> CommentText.of(" \n\t", HOST));
        assertThrows(DomainException.class, () -> CommentText.of(null, HOST));
        assertThrows(DomainException.class, () -> CommentText.of("x".repeat(CommentText.MAX_LENGTH + 1), HOST));
        assertEquals(CommentText.MAX_LENGTH, CommentText.of("x".repeat(CommentText.MAX_LENGTH), HOST).markdown().length());
    }
}
