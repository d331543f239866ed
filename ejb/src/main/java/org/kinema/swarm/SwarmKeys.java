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
 * <p>For HLS, p2p-media-loader 2.x (with hls.js) names the swarm of each variant of the master
 * playlist {@code "v2-" + swarmId + "-main-" + streamId}, where Kinema's player sets
 * {@code swarmId} to the video's UUID and {@code streamId} is the base64 SHA-1 of what hls.js read
 * of the variant: {@code "{BANDWIDTH}-{video codec}-{width}-{height}----{FRAME-RATE as a
 * number}-"}. The tracker sees the first 15 bytes of the swarm name's SHA-1, in standard base64:
 * 20 ASCII characters, sent as the info hash's 20 bytes. WebTorrent clients of a torrent send the
 * torrent's binary info hash. Info hashes are kept as lowercase hex of those 20 bytes.
 */
public final class SwarmKeys {

    /** p2p-media-loader's peer protocol version, the first part of every stream's swarm name. */
    static final String PEER_PROTOCOL_VERSION = "v2";

    private static final HexFormat HEX = HexFormat.of();

    private SwarmKeys() {
    }

    /**
     * A variant of the master playlist as the player reads it: {@code BANDWIDTH}, {@code CODECS},
     * {@code RESOLUTION} (0x0 for audio only) and {@code FRAME-RATE} (0 when absent).
     */
    public record HlsVariant(long bandwidth, String codecs, int width, int height, double frameRate) {
    }

    /** The info hashes (hex) of a video's HLS variants. */
    public static List<String> hlsInfoHashes(UUID video, List<HlsVariant> variants) {
        List<String> hashes = new ArrayList<>(variants.size());
        for (HlsVariant variant : variants) {
            hashes.add(HEX.formatHex(hlsInfoHash(video, streamId(variant)).getBytes(StandardCharsets.US_ASCII)));
        }
        return hashes;
    }

    /** The 20 characters a browser sends as {@code info_hash} for an HLS stream of a video. */
    public static String hlsInfoHash(UUID video, String streamId) {
        String streamSwarm = PEER_PROTOCOL_VERSION + "-" + video + "-main-" + streamId;
        byte[] sha1 = sha1(streamSwarm.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(Arrays.copyOf(sha1, 15));
    }

    /** How p2p-media-loader names a main (video) stream from what hls.js read of the variant. */
    static String streamId(HlsVariant variant) {
        String frameRate = variant.frameRate() > 0
                ? new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.3f", variant.frameRate()))
                        .stripTrailingZeros().toPlainString()
                : "";
        String description = variant.bandwidth() + "-" + videoCodec(variant.codecs()) + "-"
                + (variant.width() > 0 ? variant.width() : "") + "-" + (variant.height() > 0 ? variant.height() : "")
                + "----" + frameRate + "-";
        return Base64.getEncoder().encodeToString(sha1(description.getBytes(StandardCharsets.UTF_8)));
    }

    /** hls.js's video codec of a CODECS list, lowercased; empty for audio only. */
    private static String videoCodec(String codecs) {
        if (codecs == null) {
            return "";
        }
        for (String codec : codecs.split(",")) {
            String trimmed = codec.trim().toLowerCase(java.util.Locale.ROOT);
            if (trimmed.startsWith("avc") || trimmed.startsWith("hvc") || trimmed.startsWith("hev")
                    || trimmed.startsWith("vp0") || trimmed.startsWith("vp9") || trimmed.startsWith("av01")) {
                return trimmed;
            }
        }
        return "";
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
