package org.kinema.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The provisioned ffmpeg and ffprobe, to make test media and to check what Kinema made. */
public final class Media {

    private Media() {
    }

    public static String ffmpeg() {
        return Path.of(System.getProperty("kinema.ffmpeg.dir"), "bin", "ffmpeg").toString();
    }

    public static String ffprobe() {
        return Path.of(System.getProperty("kinema.ffmpeg.dir"), "bin", "ffprobe").toString();
    }

    /** A clip of moving test pictures and a tone, as an MP4 with its index first. */
    public static Path clip(Path file, int seconds, int width, int height) throws IOException, InterruptedException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            run(ffmpeg(), "-hide_banner", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=30",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                    "-t", String.valueOf(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                    "-c:a", "aac", "-movflags", "+faststart", file.toString());
        }
        return file;
    }

    /** A still picture of one colour, as a JPEG. */
    public static Path image(Path file, String colour, int width, int height) throws IOException, InterruptedException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            run(ffmpeg(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                    "-i", "color=c=" + colour + ":size=" + width + "x" + height, "-frames:v", "1", file.toString());
        }
        return file;
    }

    /** Runs a tool; returns its exit code and its merged output. */
    public static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("Timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), output.strip());
    }

    /** Decodes a whole stream (a file or an HLS playlist URL) and reports what went wrong, if anything. */
    /** The URIs a playlist names (a master playlist: its renditions' playlists), as written in it. */
    public static List<String> uris(String playlist) {
        return playlist.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    public static Result decode(String input) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ffmpeg(), "-hide_banner", "-v", "error", "-xerror", "-i", input,
                "-f", "null", "-"));
        return run(command.toArray(String[]::new));
    }

    public record Result(int exitCode, String output) {
    }
}
