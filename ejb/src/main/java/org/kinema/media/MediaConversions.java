package org.kinema.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The small ffmpeg runs besides the ladder: still images and a downloadable MP4. */
public final class MediaConversions {

    public static final int THUMBNAIL_WIDTH = 280;
    public static final int PREVIEW_WIDTH = 850;
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private MediaConversions() {
    }

    /**
     * A JPEG of the picture at a third of the way into the video, {@code width} pixels wide; for
     * audio-only media, a plain dark picture of the same size as a preview would have.
     */
    public static void still(String ffmpeg, Path source, MediaInfo info, int width, Path jpeg, ProcessGroup group)
            throws MediaException {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error"));
        if (info.hasVideo()) {
            double at = Math.min(info.durationSeconds() / 3, Math.max(0, info.durationSeconds() - 0.5));
            command.addAll(List.of("-ss", String.format(Locale.ROOT, "%.3f", at)));
            command.addAll(UntrustedInput.mediaInput(source));
            command.addAll(List.of("-frames:v", "1", "-vf", "scale=" + width + ":-2"));
        } else {
            command.addAll(List.of("-f", "lavfi", "-i", "color=c=0x1f2937:s=" + width + "x" + (width * 9 / 16 / 2 * 2),
                    "-frames:v", "1"));
        }
        command.addAll(List.of("-q:v", "3", jpeg.toString()));
        run(group, command, "make a still image");
    }

    /** An image the uploader sent (any format ffmpeg reads), as a JPEG {@code width} pixels wide. */
    public static void image(String ffmpeg, Path image, int width, Path jpeg) throws MediaException {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error"));
        command.addAll(UntrustedInput.imageInput(image));
        command.addAll(List.of("-frames:v", "1", "-vf", "scale=" + width + ":-2", "-q:v", "3", jpeg.toString()));
        run(ProcessGroup.REQUESTS, command, "read the image");
    }

    /** A progressive MP4 with the same streams, copied without encoding. */
    public static void remuxToMp4(String ffmpeg, Path fragmented, Path mp4, ProcessGroup group) throws MediaException {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error"));
        command.addAll(UntrustedInput.mediaInput(fragmented));
        command.addAll(List.of("-c", "copy", "-movflags", "+faststart", mp4.toString()));
        run(group, command, "make the downloadable MP4");
    }

    private static void run(ProcessGroup group, List<String> command, String what) throws MediaException {
        ProcessRunner.Result result = ProcessRunner.run(group, command, TIMEOUT, line -> { });
        if (result.exitCode() != 0) {
            throw new MediaException("Could not " + what + ": " + result.errorTail());
        }
    }
}
