package org.kinema.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The benchmarks' generated sources. */
final class BenchSource {

    private BenchSource() {
    }

    /**
     * A deterministic 1080p30 clip of {@code seconds} with audio (about 16 Mb/s, with temporal noise
     * so the encoders have real work), generated once and kept in the bench folder under a name
     * derived from its recipe. x264 runs with sliced threads: its frame threads with a bitrate
     * target give slightly different bytes from run to run.
     */
    static Path noisy1080p30(String ffmpeg, Path benchDir, int seconds) throws IOException, InterruptedException {
        List<String> recipe = List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30,noise=alls=6:allf=t:all_seed=424242",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", String.valueOf(seconds),
                "-c:v", "libx264", "-preset", "ultrafast", "-x264-params", "sliced-threads=1",
                "-b:v", "16M", "-maxrate", "20M", "-bufsize", "32M", "-pix_fmt", "yuv420p", "-g", "60",
                "-c:a", "aac", "-b:a", "192k", "-ac", "2",
                "-movflags", "+faststart");
        Path source = benchDir.resolve(String.format(Locale.ROOT, "source-1080p30-%ds-%08x.mp4", seconds, recipe.hashCode()));
        if (Files.exists(source)) {
            say("source: reusing %s (%.1f MB)", source, Files.size(source) / 1e6);
            return source;
        }
        Files.createDirectories(benchDir);
        Path partial = benchDir.resolve("source-" + seconds + ".partial.mp4");
        List<String> command = new ArrayList<>();
        command.add(ffmpeg);
        command.addAll(recipe);
        command.add(partial.toString());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(benchDir.resolve("source-" + seconds + ".log").toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(2, TimeUnit.HOURS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("Could not generate the source: " + String.join(" ", command));
        }
        Files.move(partial, source, StandardCopyOption.REPLACE_EXISTING);
        say("source: generated %s in %.1f s (%.1f MB)", source, (System.nanoTime() - start) / 1e9,
                Files.size(source) / 1e6);
        return source;
    }

    private static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
        System.out.flush();
    }
}
