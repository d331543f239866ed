package org.kinema.comment;

import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.ListBlock;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.kinema.platform.DomainException;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What someone wrote in a comment: Markdown as PeerTube limits it (1 to 10,000 characters, not
 * blank), the HTML readers get, and the accounts it mentions. The HTML is rendered by
 * commonmark-java with PeerTube's rules for comments (paragraphs, line breaks, emphasis, lists,
 * links, bare URLs made links) and then sanitised by OWASP's sanitizer, which keeps only those
 * elements and http(s) links: no script, style, image or event handler ever comes out. Up to
 * {@value #MAX_MENTIONS} different mentions are read.
 */
public record CommentText(String markdown, String html, List<Handle> mentions) {

    public static final int MAX_LENGTH = 10_000;
    public static final int MAX_MENTIONS = 50;

    /** A mention, {@code @name} or {@code @name@host}; the host is null for this instance. */
    public record Handle(String name, String host) {
    }

    private static final Parser MARKDOWN = Parser.builder()
            .enabledBlockTypes(Set.of(ListBlock.class))
            .extensions(List.of(AutolinkExtension.create()))
            .build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().softbreak("<br />\n").sanitizeUrls(true).build();
    private static final PolicyFactory SANITIZER = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "ul", "ol", "li", "a")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();
    /** PeerTube's actor names, then an optional host (a domain name or localhost, and a port). */
    private static final Pattern MENTION = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.@/:-])@([a-zA-Z0-9_.:-]*[a-zA-Z0-9_])(?:@((?:[a-zA-Z0-9-]+\\.)*[a-zA-Z0-9-]+(?::\\d{1,5})?))?");
    private static final int MENTION_NAME_MAX = 100;
    private static final int MENTION_HOST_MAX = 255;

    public CommentText {
        mentions = List.copyOf(mentions);
    }

    /** Checks, renders and reads a comment's Markdown; a mention of {@code localHost} is local. */
    public static CommentText of(String markdown, String localHost) {
        if (markdown == null || markdown.isBlank()) {
            throw DomainException.invalid("A comment needs some text");
        }
        if (markdown.length() > MAX_LENGTH) {
            throw DomainException.invalid("A comment is at most " + MAX_LENGTH + " characters long");
        }
        return new CommentText(markdown, html(markdown), mentions(markdown, localHost));
    }

    /** A comment another instance sent as HTML (an ActivityPub Note's content): sanitised, its text without tags. */
    public static CommentText ofHtml(String html) {
        if (html == null || html.isBlank() || html.length() > MAX_LENGTH) {
            throw DomainException.invalid("A comment needs some text, at most " + MAX_LENGTH + " characters long");
        }
        String safe = SANITIZER.sanitize(html).strip();
        String text = safe.replaceAll("<br\\s*/?>", "\n").replaceAll("<[^>]*>", "").replace("&amp;", "&")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&#34;", "\"").strip();
        return new CommentText(text.isEmpty() ? safe : text, safe, List.of());
    }

    /** Sanitised HTML of some Markdown (which may hold HTML of its own). */
    static String html(String markdown) {
        return SANITIZER.sanitize(HTML.render(MARKDOWN.parse(markdown))).strip();
    }

    static List<Handle> mentions(String markdown, String localHost) {
        Map<String, Handle> found = new LinkedHashMap<>();
        Matcher matcher = MENTION.matcher(markdown);
        while (matcher.find() && found.size() < MAX_MENTIONS) {
            String name = matcher.group(1);
            String host = matcher.group(2) == null ? null : matcher.group(2).toLowerCase(Locale.ROOT);
            if (name.length() <= MENTION_NAME_MAX && (host == null || host.length() <= MENTION_HOST_MAX)) {
                Handle handle = new Handle(name, host == null || host.equals(localHost.toLowerCase(Locale.ROOT)) ? null : host);
                found.putIfAbsent(name.toLowerCase(Locale.ROOT) + "@" + handle.host(), handle);
            }
        }
        return new ArrayList<>(found.values());
    }
}
