package org.kinema.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.kinema.launcher.KinemaNode;
import org.kinema.launcher.NodeSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long Kinema takes to transcode an upload, against ffmpeg run by hand on the same machine.
 *
 * <p>Run it after a normal build, from the project root:
 * <pre>
 * mvn -o install -DskipTests
 * mvn -o -pl ear verify -Pbench
 * </pre>
 * The {@code bench} profile of {@code ear/pom.xml} skips unit and integration tests and runs this
 * class with exec-maven-plugin ({@code exec:java}, test class path) in the {@code verify} phase.
 * Once the test classes are compiled, {@code mvn -o -Pbench -pl ear exec:java} runs it on its own.
 * System properties: {@code kinema.ear}, {@code kinema.wildfly.home}, {@code kinema.ffmpeg.dir},
 * {@code kinema.bench.dir} (set by the profile), and optionally {@code kinema.bench.port}
 * (default 19300).
 *
 * <p>What it does:
 * <ol>
 *   <li>Generates (once; reused while it exists) a deterministic 30 s 1080p30 source, H.264 at
 *       about 16 Mb/s with temporal noise so the encoders have real work, plus AAC stereo.</li>
 *   <li>Starts a fresh Kinema node on port 19300 ({@code KINEMA_TRANSCODING_JOBS=1}), logs in as
 *       root, uploads the source and measures the seconds from the upload reply (upload complete)
 *       to the video's state becoming published, polling every 0.25 s.</li>
 *   <li>Runs (a) one hand-written single-decode ffmpeg command for the whole ladder (split +
 *       scale per rendition, HLS fMP4 output) and (b) six ffmpeg processes, one per resolution,
 *       each decoding the source again, with the same encoder settings.</li>
 *   <li>Order: Kinema, (a), (b), Kinema again (second upload), (a) again; prints every run, the
 *       medians and the ratios Kinema/(a) (goal at most 1.10) and (a)/(b).</li>
 * </ol>
 * The hand commands are written out literally here on purpose: they are the reference Kinema is
 * measured against, so they must not be derived from Kinema's own code.
 */
public final class TranscodeBench {

    private static final int SOURCE_SECONDS = 30;
    private static final double POLL_SECONDS = 0.25;
    private static final long VIDEO_TIMEOUT_MINUTES = 30;
    private static final String[] RESOLUTIONS = {"1080", "720", "480", "360", "240", "144"};

    private final Path benchDir;
    private final Path logDir;
    private final String ffmpeg;
    private final String ffprobe;

    private TranscodeBench(Path benchDir, Path ffmpegDir) {
        this.benchDir = benchDir;
        this.logDir = benchDir.resolve("logs");
        this.ffmpeg = ffmpegDir.resolve("bin/ffmpeg").toString();
        this.ffprobe = ffmpegDir.resolve("bin/ffprobe").toString();
    }

    public static void main(String[] args) throws Exception {
        Path ear = Path.of(BenchNodes.required("kinema.ear", "bench")).toAbsolutePath();
        Path wildflyHome = Path.of(BenchNodes.required("kinema.wildfly.home", "bench")).toAbsolutePath();
        Path ffmpegDir = Path.of(System.getProperty("kinema.ffmpeg.dir",
                wildflyHome.getParent().resolve("ffmpeg").toString())).toAbsolutePath();
        Path benchDir = Path.of(System.getProperty("kinema.bench.dir", "target/bench")).toAbsolutePath();
        int port = Integer.getInteger("kinema.bench.port", 19300);
        for (Path needed : List.of(ear, wildflyHome, ffmpegDir.resolve("bin/ffmpeg"))) {
            if (!Files.exists(needed)) {
                throw new IllegalStateException(needed + " does not exist: run mvn -o install -DskipTests first");
            }
        }
        new TranscodeBench(benchDir, ffmpegDir).run(ear, wildflyHome, port);
    }

    private void run(Path ear, Path wildflyHome, int port) throws Exception {
        Files.createDirectories(logDir);
        String ffmpegVersion = BenchNodes.firstLine(List.of(ffmpeg, "-hide_banner", "-version"));
        int cores = Runtime.getRuntime().availableProcessors();
        say("ffmpeg: %s", ffmpegVersion);
        say("cores: %d (%s)", cores, cpuModel());

        Path source = source();

        Path nodeDir = benchDir.resolve("node");
        NodeSettings settings = BenchNodes.fresh(wildflyHome, ear, nodeDir, "bench-node", port, ffmpeg, ffprobe)
                .setting("KINEMA_TRANSCODING_JOBS", "1")
                .build();

        List<Double> kinema = new ArrayList<>();
        List<Double> single = new ArrayList<>();
        Map<String, Double> perResolution = new LinkedHashMap<>();
        long started = System.nanoTime();
        say("starting Kinema on port %d (instance %s)", port, nodeDir);
        KinemaNode node = KinemaNode.start(settings);
        try {
            say("Kinema up in %.1f s; console: %s", (System.nanoTime() - started) / 1e9, node.serverLog());
            BenchClient client = new BenchClient(node.baseUrl());
            client.login("root", BenchNodes.ROOT_PASSWORD);
            long channelId = client.firstChannelId();

            kinema.add(kinema(node, client, channelId, source, 1));
            single.add(singleDecode(source, 1));
            perResolution.putAll(onePerResolution(source));
            kinema.add(kinema(node, client, channelId, source, 2));
            single.add(singleDecode(source, 2));
        } finally {
            say("stopping Kinema");
            node.close();
        }
        report(ffmpegVersion, cores, source, kinema, single, perResolution);
        Set<String> peers = clusterPeers(node.serverLog(), settings.nodeName());
        if (!peers.isEmpty()) {
            System.out.println("WARNING: the bench node shared a cluster with " + peers + " during the run (see "
                    + node.serverLog() + "); work may have waited on another node, so the Kinema figures"
                    + " are not trustworthy.");
        }
    }

    /** Other nodes named in the server log's cluster membership lines (Infinispan/JGroups). */
    private static Set<String> clusterPeers(Path serverLog, String self) {
        Set<String> peers = new TreeSet<>();
        Pattern members = Pattern.compile("members \\[([^\\]]*)\\]");
        try (Stream<String> lines = Files.lines(serverLog, StandardCharsets.ISO_8859_1)) {
            lines.forEach(line -> {
                Matcher matcher = members.matcher(line);
                while (matcher.find()) {
                    for (String member : matcher.group(1).split(",")) {
                        String name = member.trim();
                        if (!name.isEmpty() && !name.equals(self)) {
                            peers.add(name);
                        }
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            System.out.println("[bench] could not read " + serverLog + ": " + e);
        }
        return peers;
    }

    // ---------------------------------------------------------------- the source

    private Path source() throws IOException, InterruptedException {
        return BenchSource.noisy1080p30(ffmpeg, benchDir, SOURCE_SECONDS);
    }

    // ---------------------------------------------------------------- Kinema

    /** Seconds from the upload reply (upload complete) to the video being published. */
    private double kinema(KinemaNode node, BenchClient client, long channelId, Path source, int run)
            throws IOException, InterruptedException {
        say("Kinema run %d: uploading", run);
        long uploadStart = System.nanoTime();
        String uuid = client.upload(channelId, "bench run " + run, source);
        long uploaded = System.nanoTime();
        say("Kinema run %d: upload complete in %.1f s (video %s), waiting for publication",
                run, (uploaded - uploadStart) / 1e9, uuid);
        long deadline = uploaded + TimeUnit.MINUTES.toNanos(VIDEO_TIMEOUT_MINUTES);
        long pollMillis = Math.round(POLL_SECONDS * 1000);
        while (true) {
            JsonNode video = client.video(uuid);
            int state = video.path("state").path("id").asInt();
            // the complete ladder (a video published while encoding lists its renditions once they are done)
            if (state == 1 && video.path("streamingPlaylists").path(0).path("files").size() > 0) {
                double seconds = (System.nanoTime() - uploaded) / 1e9;
                int renditions = video.path("streamingPlaylists").path(0).path("files").size();
                say("Kinema run %d: published after %.2f s (%d HLS renditions)", run, seconds, renditions);
                if (renditions != RESOLUTIONS.length) {
                    say("WARNING: Kinema published %d renditions, the hand commands make %d",
                            renditions, RESOLUTIONS.length);
                }
                return seconds;
            }
            if (state == 7) {
                throw new IllegalStateException("Kinema failed to transcode run " + run + ": "
                        + video.path("transcodingError").asText());
            }
            if (!node.isAlive()) {
                throw new IllegalStateException("Kinema stopped while transcoding; see " + node.serverLog());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Video " + uuid + " not published after " + VIDEO_TIMEOUT_MINUTES
                        + " minutes (state " + video.path("state") + ")");
            }
            Thread.sleep(pollMillis);
        }
    }

    // ---------------------------------------------------------------- (a) one process, one decode

    /** (a): the whole ladder in one ffmpeg, one decode split into six scaled encodes. */
    private double singleDecode(Path source, int run) throws IOException, InterruptedException {
        Path out = Files.createTempDirectory(benchDir, "single-decode-");
        try {
            List<String> command = List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                    "-i", source.toString(),
                    "-filter_complex", "[0:v:0]split=6[s0][s1][s2][s3][s4][s5];"
                            + "[s0]scale=1920:1080:flags=bicubic[v0];"
                            + "[s1]scale=1280:720:flags=bicubic[v1];"
                            + "[s2]scale=852:480:flags=bicubic[v2];"
                            + "[s3]scale=640:360:flags=bicubic[v3];"
                            + "[s4]scale=426:240:flags=bicubic[v4];"
                            + "[s5]scale=256:144:flags=bicubic[v5]",
                    "-map", "[v0]", "-map", "0:a:0",
                    "-map", "[v1]", "-map", "0:a:0",
                    "-map", "[v2]", "-map", "0:a:0",
                    "-map", "[v3]", "-map", "0:a:0",
                    "-map", "[v4]", "-map", "0:a:0",
                    "-map", "[v5]", "-map", "0:a:0",
                    "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-pix_fmt", "yuv420p",
                    "-sc_threshold", "0", "-force_key_frames", "expr:gte(t,n_forced*2)",
                    "-b:v:0", "3800k", "-maxrate:v:0", "5700k", "-bufsize:v:0", "7600k",
                    "-b:v:1", "2000k", "-maxrate:v:1", "3000k", "-bufsize:v:1", "4000k",
                    "-b:v:2", "1000k", "-maxrate:v:2", "1500k", "-bufsize:v:2", "2000k",
                    "-b:v:3", "600k", "-maxrate:v:3", "900k", "-bufsize:v:3", "1200k",
                    "-b:v:4", "300k", "-maxrate:v:4", "450k", "-bufsize:v:4", "600k",
                    "-b:v:5", "120k", "-maxrate:v:5", "180k", "-bufsize:v:5", "240k",
                    "-c:a", "aac", "-b:a", "128k", "-ac", "2",
                    "-f", "hls", "-hls_time", "4", "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
                    "-hls_flags", "single_file+independent_segments",
                    "-hls_segment_filename", out.resolve("%v-fragmented.mp4").toString(),
                    "-master_pl_name", "master.m3u8",
                    "-var_stream_map", "v:0,a:0,name:1080 v:1,a:1,name:720 v:2,a:2,name:480 "
                            + "v:3,a:3,name:360 v:4,a:4,name:240 v:5,a:5,name:144",
                    out.resolve("%v.m3u8").toString());
            say("(a) run %d: single-decode ladder", run);
            double seconds = time(command, logDir.resolve("single-decode-" + run + ".log"));
            checkRenditions(out, "(a) run " + run);
            say("(a) run %d: %.2f s", run, seconds);
            return seconds;
        } finally {
            org.kinema.launcher.Folders.delete(out);
        }
    }

    // ---------------------------------------------------------------- (b) one process per resolution

    /** (b): six sequential ffmpeg processes, each decoding the source for one rendition. */
    private Map<String, Double> onePerResolution(Path source) throws IOException, InterruptedException {
        Path out = Files.createTempDirectory(benchDir, "per-resolution-");
        Map<String, Double> seconds = new LinkedHashMap<>();
        try {
            say("(b): one ffmpeg per resolution");
            seconds.put("1080", rendition(source, out, "1080", "scale=1920:1080:flags=bicubic", "3800k", "5700k", "7600k"));
            seconds.put("720", rendition(source, out, "720", "scale=1280:720:flags=bicubic", "2000k", "3000k", "4000k"));
            seconds.put("480", rendition(source, out, "480", "scale=852:480:flags=bicubic", "1000k", "1500k", "2000k"));
            seconds.put("360", rendition(source, out, "360", "scale=640:360:flags=bicubic", "600k", "900k", "1200k"));
            seconds.put("240", rendition(source, out, "240", "scale=426:240:flags=bicubic", "300k", "450k", "600k"));
            seconds.put("144", rendition(source, out, "144", "scale=256:144:flags=bicubic", "120k", "180k", "240k"));
            checkRenditions(out, "(b)");
            say("(b): %.2f s in all", sum(seconds.values()));
            return seconds;
        } finally {
            org.kinema.launcher.Folders.delete(out);
        }
    }

    private double rendition(Path source, Path out, String name, String scale, String bitrate, String maxrate,
                             String bufsize) throws IOException, InterruptedException {
        List<String> command = List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-i", source.toString(),
                "-map", "0:v:0", "-map", "0:a:0",
                "-vf", scale,
                "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-pix_fmt", "yuv420p",
                "-sc_threshold", "0", "-force_key_frames", "expr:gte(t,n_forced*2)",
                "-b:v", bitrate, "-maxrate", maxrate, "-bufsize", bufsize,
                "-c:a", "aac", "-b:a", "128k", "-ac", "2",
                "-f", "hls", "-hls_time", "4", "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
                "-hls_flags", "single_file+independent_segments",
                "-hls_segment_filename", out.resolve(name + "-fragmented.mp4").toString(),
                out.resolve(name + ".m3u8").toString());
        double seconds = time(command, logDir.resolve("per-resolution-" + name + ".log"));
        say("(b) %5sp: %.2f s", name, seconds);
        return seconds;
    }

    private static void checkRenditions(Path out, String what) throws IOException {
        for (String resolution : RESOLUTIONS) {
            Path playlist = out.resolve(resolution + ".m3u8");
            Path media = out.resolve(resolution + "-fragmented.mp4");
            if (!Files.exists(playlist) || !Files.exists(media) || Files.size(media) == 0) {
                throw new IllegalStateException(what + " did not produce the " + resolution + "p rendition in " + out);
            }
        }
    }

    // ---------------------------------------------------------------- report

    private static void report(String ffmpegVersion, int cores, Path source, List<Double> kinema, List<Double> single,
                               Map<String, Double> perResolution) {
        double k = BenchNodes.median(kinema);
        double a = BenchNodes.median(single);
        double b = sum(perResolution.values());
        String line = "-".repeat(78);
        StringBuilder table = new StringBuilder("\n");
        table.append("Kinema transcoding benchmark\n").append(line).append('\n');
        table.append(String.format(Locale.ROOT, "source   : %s (%d s 1080p30, H.264 + AAC)%n",
                source.getFileName(), SOURCE_SECONDS));
        table.append(String.format(Locale.ROOT, "ladder   : %s, libx264 veryfast, AAC 128k, HLS fMP4%n",
                String.join("/", RESOLUTIONS)));
        table.append(String.format(Locale.ROOT, "ffmpeg   : %s%n", ffmpegVersion));
        table.append(String.format(Locale.ROOT, "machine  : %d cores, %s%n", cores, cpuModel()));
        table.append(line).append('\n');
        table.append(String.format(Locale.ROOT, "%-44s %9s %9s %9s%n", "seconds", "run 1", "run 2", "median"));
        table.append(String.format(Locale.ROOT, "%-44s %9.2f %9.2f %9.2f%n",
                "Kinema (upload complete -> published)", kinema.get(0), kinema.get(1), k));
        table.append(String.format(Locale.ROOT, "%-44s %9.2f %9.2f %9.2f%n",
                "(a) single-decode hand command", single.get(0), single.get(1), a));
        table.append(String.format(Locale.ROOT, "%-44s %9.2f %9s %9.2f%n",
                "(b) one ffmpeg per resolution (sum of 6)", b, "-", b));
        for (Map.Entry<String, Double> entry : perResolution.entrySet()) {
            table.append(String.format(Locale.ROOT, "%-44s %9.2f%n", "      " + entry.getKey() + "p", entry.getValue()));
        }
        table.append(line).append('\n');
        table.append(String.format(Locale.ROOT, "%-44s %9.3f %9.3f %9.3f   goal <= 1.10: %s%n",
                "ratio Kinema / (a)", kinema.get(0) / single.get(0), kinema.get(1) / single.get(1), k / a,
                k / a <= 1.10 ? "met" : "NOT met"));
        table.append(String.format(Locale.ROOT, "%-44s %9.3f %9.3f %9.3f   expected ~0.57%n",
                "ratio (a) / (b)", single.get(0) / b, single.get(1) / b, a / b));
        table.append(line);
        System.out.println(table);
        System.out.flush();
    }

    // ---------------------------------------------------------------- helpers

    /** Runs a command to completion, its output to {@code log}, and returns its wall-clock seconds. */
    private static double time(List<String> command, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.MINUTES)) {
                throw new IOException("Timed out: " + String.join(" ", command));
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw new IOException("Exit " + process.exitValue() + " from " + String.join(" ", command) + "\n"
                    + tail(log));
        }
        return seconds;
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static double sum(Iterable<Double> values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    private static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
        System.out.flush();
    }
}
