package org.kinema.search;

import org.kinema.platform.DomainException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a search string asks for: words, or a local object named by its handle ({@code name@host},
 * {@code @name@host}, {@code @name}) or URL. PeerTube fetches a remote object named by URL or
 * handle; this instance does not federate yet, so naming another host is refused.
 *
 * @param words      the words to look for (empty for none)
 * @param actorName  the local channel or account named by a handle or URL, lower case, or null
 * @param videoId    the local video named by a URL (UUID or short UUID), or null
 * @param nothing    a URL of this instance that names nothing searchable: nothing is found
 */
public record SearchText(String words, String actorName, String videoId, boolean nothing) {

    /** PeerTube's clients send what a person types; a longer string is not a search. */
    public static final int MAX_LENGTH = 250;

    public static final SearchText NONE = new SearchText("", null, null, false);

    static final String REMOTE = "Searching other instances by URL or handle is not available:"
            + " this instance does not federate yet. Search for words, or for a URL or handle of this instance";

    private static final Pattern URL = Pattern.compile("(?i)https?://\\S*");
    private static final Pattern HANDLE = Pattern.compile("@?([A-Za-z0-9_.:\\-]{1,50})@([A-Za-z0-9.\\-]{1,253}(?::\\d{1,5})?)");
    private static final Pattern LOCAL_NAME = Pattern.compile("@([A-Za-z0-9_.:\\-]{1,50})");
    private static final Pattern OBJECT_PATH = Pattern.compile(
            "/(?:videos/watch|w)/([0-9A-Za-z\\-]{1,64})|/(?:video-channels|c|accounts|a)/([A-Za-z0-9_.:\\-]{1,50})(?:/.*)?");

    /** Reads a search string; {@code localHost} is this instance's host as handles name it ({@code host[:port]}). */
    public static SearchText parse(String search, String localHost) {
        if (search == null || search.isBlank()) {
            return NONE;
        }
        if (search.length() > MAX_LENGTH) {
            throw DomainException.invalid("A search is at most " + MAX_LENGTH + " characters long");
        }
        if (search.codePoints().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid("A search may not contain control characters");
        }
        String text = search.strip();
        if (URL.matcher(text).matches()) {
            return url(text, localHost);
        }
        if (text.indexOf('@') >= 0 && text.chars().noneMatch(Character::isWhitespace)) {
            return handle(text, localHost);
        }
        return new SearchText(text, null, null, false);
    }

    /** Whether anything narrows the search: words, or an object named by handle or URL. */
    public boolean isEmpty() {
        return words.isEmpty() && actorName == null && videoId == null && !nothing;
    }

    private static SearchText handle(String text, String localHost) {
        Matcher local = LOCAL_NAME.matcher(text);
        if (local.matches()) {
            return named(local.group(1));
        }
        Matcher handle = HANDLE.matcher(text);
        if (!handle.matches()) {
            throw DomainException.invalid("A handle is name@host or @name@host: " + text + " is neither");
        }
        if (!handle.group(2).equalsIgnoreCase(localHost)) {
            throw DomainException.invalid(REMOTE);
        }
        return named(handle.group(1));
    }

    private static SearchText url(String text, String localHost) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw DomainException.invalid("The search is not a well-formed URL");
        }
        if (uri.getHost() == null) {
            throw DomainException.invalid("The search is not a well-formed URL");
        }
        String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        if (!host.equalsIgnoreCase(localHost)) {
            throw DomainException.invalid(REMOTE);
        }
        Matcher path = OBJECT_PATH.matcher(uri.getPath() == null ? "" : uri.getPath());
        if (!path.matches()) {
            return new SearchText("", null, null, true);
        }
        return path.group(1) != null ? new SearchText("", null, path.group(1), false) : named(path.group(2));
    }

    private static SearchText named(String name) {
        return new SearchText("", name.toLowerCase(Locale.ROOT), null, false);
    }
}
