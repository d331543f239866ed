package org.kinema.search;

import org.kinema.platform.DomainException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a search string asks for: words, or an object named by its handle ({@code name@host},
 * {@code @name@host}, {@code @name}) or URL, of this instance or of another (which PeerTube fetches
 * from there first, and so does the search resource).
 *
 * @param words        the words to look for (empty for none)
 * @param actorName    the local channel or account named by a handle or URL, lower case, or null
 * @param videoId      the local video named by a URL (UUID or short UUID), or null
 * @param nothing      a URL of this instance that names nothing searchable: nothing is found
 * @param remoteUrl    the URL of an object of another instance (its ActivityPub id), or null
 * @param remoteHandle the channel or account of another instance named by its handle, or null
 */
public record SearchText(String words, String actorName, String videoId, boolean nothing, String remoteUrl,
                         RemoteHandle remoteHandle) {

    /** A channel or account of another instance: {@code name@host}, the host as its handles name it. */
    public record RemoteHandle(String name, String host) {
    }

    /** PeerTube's clients send what a person types; a longer string is not a search. */
    public static final int MAX_LENGTH = 250;

    public static final SearchText NONE = new SearchText("", null, null, false, null, null);

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
        return new SearchText(text, null, null, false, null, null);
    }

    /** Whether anything narrows the search: words, or an object named by handle or URL. */
    public boolean isEmpty() {
        return words.isEmpty() && actorName == null && videoId == null && !nothing && !isRemote();
    }

    /** The same search for another instance's object, named by its ActivityPub id. */
    public SearchText withRemoteUrl(String url) {
        return new SearchText(words, actorName, videoId, nothing, url, remoteHandle);
    }

    /** Whether it names an object of another instance. */
    public boolean isRemote() {
        return remoteUrl != null || remoteHandle != null;
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
            return new SearchText("", null, null, false, null,
                    new RemoteHandle(handle.group(1), handle.group(2).toLowerCase(Locale.ROOT)));
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
            return new SearchText("", null, null, false, uri.toString(), null);
        }
        Matcher path = OBJECT_PATH.matcher(uri.getPath() == null ? "" : uri.getPath());
        if (!path.matches()) {
            return new SearchText("", null, null, true, null, null);
        }
        return path.group(1) != null ? new SearchText("", null, path.group(1), false, null, null) : named(path.group(2));
    }

    private static SearchText named(String name) {
        return new SearchText("", name.toLowerCase(Locale.ROOT), null, false, null, null);
    }
}
