package org.kinema.video.torrent;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A built BitTorrent v1 torrent: its bencoded metainfo file and what clients identify it by.
 *
 * @param metainfo    the bencoded {@code .torrent} file content (copied in and out)
 * @param infoHash    lowercase hex SHA-1 of the bencoded {@code info} dictionary
 * @param pieceLength size in bytes of every piece but the last
 * @param pieceCount  number of pieces, zero for an empty file
 */
public record Torrent(byte[] metainfo, String infoHash, long pieceLength, int pieceCount) {

    private static final String MAGNET_PREFIX = "magnet:?xt=urn:btih:";

    /** Validates and defensively copies the metainfo. */
    public Torrent {
        Objects.requireNonNull(metainfo, "metainfo");
        Objects.requireNonNull(infoHash, "infoHash");
        if (!infoHash.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("infoHash must be 40 lowercase hex digits: " + infoHash);
        }
        if (pieceLength <= 0 || pieceCount < 0) {
            throw new IllegalArgumentException("Bad piece layout: " + pieceCount + " x " + pieceLength);
        }
        metainfo = metainfo.clone();
    }

    /** Returns a copy of the bencoded metainfo. */
    @Override
    public byte[] metainfo() {
        return metainfo.clone();
    }

    /**
     * Builds a magnet link: {@code xt} (info hash), {@code dn} (display name), one {@code tr} per
     * tracker and one {@code ws} per web seed; values are percent-encoded as UTF-8.
     */
    public String magnetUri(String displayName, List<String> trackers, List<String> webSeeds) {
        return magnetUri(displayName, null, trackers, webSeeds);
    }

    /**
     * As {@link #magnetUri(String, List, List)}, with also {@code xs} pointing at the
     * {@code .torrent} file's URL when {@code torrentUrl} is not null.
     */
    public String magnetUri(String displayName, String torrentUrl, List<String> trackers,
                            List<String> webSeeds) {
        StringBuilder uri = new StringBuilder(MAGNET_PREFIX).append(infoHash);
        append(uri, "dn", displayName);
        append(uri, "xs", torrentUrl);
        trackers.forEach(tracker -> append(uri, "tr", tracker));
        webSeeds.forEach(seed -> append(uri, "ws", seed));
        return uri.toString();
    }

    private static void append(StringBuilder uri, String key, String value) {
        if (value != null) {
            uri.append('&').append(key).append('=').append(encode(value));
        }
    }

    private static String encode(String value) {
        // URLEncoder does form encoding; a literal '+' comes out as %2B, so any '+' left is a space.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Torrent that
                && pieceLength == that.pieceLength
                && pieceCount == that.pieceCount
                && infoHash.equals(that.infoHash)
                && Arrays.equals(metainfo, that.metainfo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(infoHash, pieceLength, pieceCount) * 31 + Arrays.hashCode(metainfo);
    }

    @Override
    public String toString() {
        return "Torrent[infoHash=" + infoHash + ", pieceLength=" + pieceLength + ", pieceCount="
                + pieceCount + ", metainfo=" + metainfo.length + " bytes]";
    }
}
