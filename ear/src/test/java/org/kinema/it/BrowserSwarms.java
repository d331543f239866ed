package org.kinema.it;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tracker info hashes a browser's player announces for a video, derived independently of
 * Kinema's code from the master playlist it serves, the way hls.js and p2p-media-loader 2.3.1
 * read it (swarmId = the video's UUID).
 */
public final class BrowserSwarms {

    private static final Pattern VARIANT = Pattern.compile("#EXT-X-STREAM-INF:(.*)");

    private BrowserSwarms() {
    }

    /** The 20-character info hashes, one per variant of the master playlist. */
    public static List<String> infoHashes(String uuid, String masterPlaylist) throws Exception {
        List<String> hashes = new ArrayList<>();
        Matcher variants = VARIANT.matcher(masterPlaylist);
        while (variants.find()) {
            String attributes = variants.group(1);
            String bandwidth = attribute(attributes, "BANDWIDTH");
            String codecs = attribute(attributes, "CODECS");
            String resolution = attribute(attributes, "RESOLUTION");
            String frameRate = attribute(attributes, "FRAME-RATE");
            String videoCodec = codecs == null ? "" : Arrays.stream(codecs.split(","))
                    .map(codec -> codec.trim().toLowerCase(Locale.ROOT)).filter(codec -> codec.startsWith("avc"))
                    .findFirst().orElse("");
            String[] size = resolution == null ? new String[] {"", ""} : resolution.split("x");
            String rate = frameRate == null ? "" : new BigDecimal(frameRate).stripTrailingZeros().toPlainString();
            String streamId = base64(sha1(bandwidth + "-" + videoCodec + "-" + size[0] + "-" + size[1] + "----" + rate + "-"));
            hashes.add(base64(Arrays.copyOf(sha1("v2-" + uuid + "-main-" + streamId), 15)));
        }
        return hashes;
    }

    private static String attribute(String attributes, String name) {
        Matcher quoted = Pattern.compile("(?:^|,)" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(attributes);
        if (quoted.find()) {
            return quoted.group(1);
        }
        Matcher plain = Pattern.compile("(?:^|,)" + Pattern.quote(name) + "=([^,]*)").matcher(attributes);
        return plain.find() ? plain.group(1) : null;
    }

    private static byte[] sha1(String text) throws Exception {
        return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
