package org.kinema.media;

import java.util.ArrayList;
import java.util.List;

/**
 * Which renditions a source gets: every standard resolution up to the source's own (never
 * upscaled), the largest first; a source smaller than the smallest standard keeps its own size;
 * an audio-only source gets one audio rendition.
 */
public final class Ladder {

    public static final int[] STANDARD = {144, 240, 360, 480, 720, 1080, 1440, 2160};
    public static final long AUDIO_BITRATE = 128_000;

    private Ladder() {
    }

    public static List<Rendition> choose(MediaInfo source) {
        if (!source.hasVideo()) {
            return List.of(new Rendition(0, 0, 0, 0));
        }
        int sourceResolution = source.resolution();
        List<Rendition> ladder = new ArrayList<>();
        for (int i = STANDARD.length - 1; i >= 0; i--) {
            if (STANDARD[i] <= sourceResolution) {
                ladder.add(rendition(source, STANDARD[i]));
            }
        }
        if (ladder.isEmpty()) {
            ladder.add(rendition(source, even(sourceResolution)));
        }
        return List.copyOf(ladder);
    }

    private static Rendition rendition(MediaInfo source, int resolution) {
        boolean portrait = source.height() > source.width();
        double ratio = portrait ? (double) source.height() / source.width() : (double) source.width() / source.height();
        int longSide = even((int) Math.round(resolution * ratio));
        int width = portrait ? resolution : longSide;
        int height = portrait ? longSide : resolution;
        return new Rendition(resolution, width, height, bitrate(resolution, source.fps()));
    }

    /** Target bitrates for 30 fps; higher frame rates get more. */
    static long bitrate(int resolution, double fps) {
        long base;
        if (resolution <= 144) {
            base = 120_000;
        } else if (resolution <= 240) {
            base = 300_000;
        } else if (resolution <= 360) {
            base = 600_000;
        } else if (resolution <= 480) {
            base = 1_000_000;
        } else if (resolution <= 720) {
            base = 2_000_000;
        } else if (resolution <= 1080) {
            base = 3_800_000;
        } else if (resolution <= 1440) {
            base = 6_500_000;
        } else {
            base = 12_000_000;
        }
        return fps > 40 ? Math.round(base * 1.4) : base;
    }

    private static int even(int value) {
        return Math.max(2, value - value % 2);
    }
}
