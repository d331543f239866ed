package org.kinema.swarm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The info hashes under which viewers meet in the tracker.
 *
 * <p>For HLS, p2p-media-loader 2.x names the swarm of stream {@code i} (the i-th variant of the
 * master playlist, type {@code main}) {@code "v2-" + swarmId + "-main-" + i}; Kinema's player sets
 * {@code swarmId} to the video's UUID. The tracker sees the first 15 bytes of that name's SHA-1,
 * in standard base64: 20 ASCII characters, sent as the info hash's 20 bytes. WebTorrent clients
 * of a torrent send the torrent's binary info hash. Info hashes are kept as lowercase hex of
 * those 20 bytes.
 */
public final class SwarmKeys {

    /** p2p-media-loader's peer protocol version, the first part of every stream's swarm name. */
    static final String PEER_PROTOCOL_VERSION = "v2";

    private static final HexFormat HEX = HexFormat.of();

    private SwarmKeys() {
    }

    /** The info hashes (hex) of a video's HLS streams 0..renditions-1, in master playlist order. */
    public static List<String> hlsInfoHashes(UUID video, int renditions) {
        List<String> hashes = new ArrayList<>(renditions);
        for (int i = 0; i < renditions; i++) {
            hashes.add(HEX.formatHex(hlsInfoHash(video, i).getBytes(StandardCharsets.US_ASCII)));
        }
        return hashes;
    }

    /** The 20 characters a browser sends as {@code info_hash} for HLS stream {@code index} of a video. */
    public static String hlsInfoHash(UUID video, int index) {
        String streamSwarm = PEER_PROTOCOL_VERSION + "-" + video + "-main-" + index;
        byte[] sha1 = sha1(streamSwarm.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(Arrays.copyOf(sha1, 15));
    }

    /** A torrent's info hash (any case of hex) as the tracker keeps it, or an exception if it is none. */
    public static String torrentInfoHash(String hex) {
        String lower = hex.trim().toLowerCase(java.util.Locale.ROOT);
        if (!isInfoHash(lower)) {
            throw new IllegalArgumentException("Not a 20-byte info hash in hex: " + hex);
        }
        return lower;
    }

    /** True for 40 lowercase hex digits. */
    public static boolean isInfoHash(String hex) {
        if (hex == null || hex.length() != 40) {
            return false;
        }
        for (int i = 0; i < 40; i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
