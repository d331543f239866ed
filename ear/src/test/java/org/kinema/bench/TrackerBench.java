package org.kinema.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.kinema.launcher.KinemaNode;
import org.kinema.launcher.NodeSettings;

import java.io.BufferedReader;
import java.net.URI;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Kinema's WebTorrent tracker against PeerTube's own ({@code @peertube/bittorrent-tracker-server}),
 * under the same load from the same load generator, in the same run on the same machine.
 *
 * <p>Run it after a normal build, from the project root:
 * <pre>
 * mvn -o install -DskipTests
 * mvn -o -pl ear verify -Ptracker-bench
 * </pre>
 * The {@code tracker-bench} profile of {@code ear/pom.xml} runs this class with exec-maven-plugin
 * (test class path). It needs Node.js and npm. System properties (the profile sets the first
 * five): {@code kinema.ear}, {@code kinema.wildfly.home}, {@code kinema.ffmpeg.dir},
 * {@code kinema.bench.dir}, {@code kinema.tracker.bench.tools} (the folder holding
 * {@code loadgen.mjs} and {@code pt-tracker.mjs}; it is copied into the bench folder and
 * {@code npm i} runs there, never in the original), and optionally {@code kinema.bench.port}
 * (19320; PeerTube's tracker gets that + 10), {@code kinema.tracker.bench.seconds} (10),
 * {@code kinema.tracker.bench.offers} (5: offers per announce where a load does not say),
 * {@code kinema.tracker.bench.loads} (peers/swarms[/offers][@announces per second: an open loop at that
 * fixed rate, where both trackers do the same work and their CPU compares directly],
 * {@code 500/50/5,500/50/0,2000/50/5,500/50/5@1500}),
 * {@code kinema.tracker.bench.rounds} (3: runs of each tracker per load, alternating, PeerTube's first),
 * {@code kinema.tracker.bench.loadgen} ({@code java}: {@link TrackerLoad} in its own JVM; {@code node}:
 * the shared {@code loadgen.mjs}, which needs about as much CPU per announce as the trackers do and so
 * cannot offer more than about 4,500 announces a second on 2 cores, whatever it measures),
 * {@code kinema.tracker.bench.warmup} (true: each tracker first gets the first load once,
 * unmeasured, so that neither is measured while its JIT compiler warms up) and
 * {@code kinema.tracker.bench.big} (10000: peers of a last run against Kinema alone, 0 for none)
 * and {@code kinema.tracker.bench.hold} (false; true: start Kinema with its served swarms, write
 * their info hashes to {@code hashes.txt} in the bench folder and wait until a file {@code stop}
 * appears there, measuring nothing: for profiling the tracker by hand).
 *
 * <p>What it does:
 * <ol>
 *   <li>Starts a fresh Kinema node whose tracker limits are lifted for the load generator (all its
 *       peers share 127.0.0.1 and announce in a closed loop): {@code KINEMA_TRACKER_SOCKETS_PER_ADDRESS},
 *       {@code KINEMA_TRACKER_ANNOUNCES_PER_MINUTE} and {@code KINEMA_TRACKER_ALARM_VIDEOS} set very high.</li>
 *   <li>Uploads a 2 s clip and waits for it to be published, so its HLS and torrent swarms are
 *       real; then inserts more swarm rows for that video straight into {@code kinema.tracker_swarm}
 *       (random info hashes) until there are as many swarms as the loads ask for. The load
 *       generator gets them all in {@code INFO_HASHES}, so Kinema checks every announce against
 *       PostgreSQL (through its cache) as in production.</li>
 *   <li>Starts PeerTube's tracker with {@code node pt-tracker.mjs PORT} on loopback.</li>
 *   <li>For every load and round: the load generator ({@code java … TrackerLoad URL peers swarms seconds
 *       offers}, the protocol and output of {@code loadgen.mjs}) against PeerTube's tracker, then
 *       against Kinema's, sampling each server's resident memory (VmRSS of the
 *       node process, of WildFly's JVM) every 200 ms and keeping the peak, and the CPU time
 *       (user + system, from {@code /proc/PID/stat}) that the tracker and the load generator use
 *       while the load generator measures (the last {@code seconds} before it prints).</li>
 *   <li>Last, the big run against Kinema alone. Prints every run, the Kinema/PeerTube ratio of
 *       each round and their median per load.</li>
 * </ol>
 */
public final class TrackerBench {

    private static final Pattern RESULT = Pattern.compile("peers=(\\d+)/(\\d+) swarms=(\\d+) announces/s=(\\d+)"
            + " relayed_offers/s=(\\d+) answers/s=(\\d+) p50_ms=([0-9.NaN]+) p99_ms=([0-9.NaN]+) errors=(\\d+)");

    private final Path benchDir;
    private final Path toolsDir;
    private final int seconds;
    private final boolean nodeLoadGenerator;

    private TrackerBench(Path benchDir, Path toolsDir, int seconds, boolean nodeLoadGenerator) {
        this.benchDir = benchDir;
        this.toolsDir = toolsDir;
        this.seconds = seconds;
        this.nodeLoadGenerator = nodeLoadGenerator;
    }

    /** A load: {@code rate} announces a second in all (open loop), or 0 for a closed loop. */
    record Load(int peers, int swarms, int offers, int rate) {
        @Override
        public String toString() {
            return peers + " peers/" + swarms + " swarms/" + offers + " offers" + (rate > 0 ? " @" + rate + "/s" : "");
        }
    }

    /**
     * One run. {@code serverCores} and {@code loadgenCores}: CPU time each process used while the
     * load generator measured, per second of it (1.0 = one core busy all along).
     */
    record Result(String tracker, Load load, String line, int opened, double announces, double offers, double answers,
                  double p50, double p99, long errors, long peakRssKb, long peakConnections, double serverCores,
                  double loadgenCores) {

        /** Announces the tracker handles per second of one core: its efficiency, whatever else shares the machine. */
        double announcesPerCoreSecond() {
            return serverCores > 0 ? announces / serverCores : Double.NaN;
        }
    }

    public static void main(String[] args) throws Exception {
        Path ear = Path.of(BenchNodes.required("kinema.ear", "tracker-bench")).toAbsolutePath();
        Path wildflyHome = Path.of(BenchNodes.required("kinema.wildfly.home", "tracker-bench")).toAbsolutePath();
        Path ffmpegDir = Path.of(System.getProperty("kinema.ffmpeg.dir",
                wildflyHome.getParent().resolve("ffmpeg").toString())).toAbsolutePath();
        Path benchDir = Path.of(System.getProperty("kinema.bench.dir", "target/tracker-bench")).toAbsolutePath();
        Path tools = Path.of(BenchNodes.required("kinema.tracker.bench.tools", "tracker-bench")).toAbsolutePath().normalize();
        int port = Integer.getInteger("kinema.bench.port", 19320);
        int seconds = Integer.getInteger("kinema.tracker.bench.seconds", 10);
        int offers = Integer.getInteger("kinema.tracker.bench.offers", 5);
        int big = Integer.getInteger("kinema.tracker.bench.big", 10_000);
        int rounds = Integer.getInteger("kinema.tracker.bench.rounds", 3);
        String generator = System.getProperty("kinema.tracker.bench.loadgen", "java");
        if (!List.of("java", "node").contains(generator)) {
            throw new IllegalArgumentException("kinema.tracker.bench.loadgen is java or node, not " + generator);
        }
        List<Load> loads = new ArrayList<>();
        for (String load : System.getProperty("kinema.tracker.bench.loads", "500/50/5,500/50/0,2000/50/5,500/50/5@1500")
                .split(",")) {
            String[] rated = load.trim().split("@");
            String[] parts = rated[0].split("/");
            loads.add(new Load(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    parts.length > 2 ? Integer.parseInt(parts[2]) : offers, rated.length > 1 ? Integer.parseInt(rated[1]) : 0));
        }
        for (Path needed : List.of(ear, wildflyHome, ffmpegDir.resolve("bin/ffmpeg"), tools.resolve("loadgen.mjs"))) {
            if (!Files.exists(needed)) {
                throw new IllegalStateException(needed + " does not exist (build first: mvn -o install -DskipTests)");
            }
        }
        new TrackerBench(benchDir, tools, seconds, "node".equals(generator))
                .run(ear, wildflyHome, ffmpegDir, port, loads, rounds, big, offers);
    }

    private void run(Path ear, Path wildflyHome, Path ffmpegDir, int port, List<Load> loads, int rounds, int big,
                     int bigOffers) throws Exception {
        Files.createDirectories(benchDir);
        Path work = prepareTools();
        int swarms = Math.max(loads.stream().mapToInt(Load::swarms).max().orElse(50), 50);
        say("node %s, %d cores; %d s per run, %d rounds per load; load generator: %s",
                BenchNodes.firstLine(List.of("node", "--version")), Runtime.getRuntime().availableProcessors(), seconds,
                rounds, nodeLoadGenerator ? "the shared loadgen.mjs (Node.js)" : "TrackerLoad (Java, one thread)");

        Path nodeDir = benchDir.resolve("node");
        NodeSettings settings = BenchNodes.fresh(wildflyHome, ear, nodeDir, "tracker-bench-node", port,
                        ffmpegDir.resolve("bin/ffmpeg").toString(), ffmpegDir.resolve("bin/ffprobe").toString())
                // the load generator is one address announcing in a closed loop: lift the per-client limits
                .setting("KINEMA_TRACKER_SOCKETS_PER_ADDRESS", "1000000")
                .setting("KINEMA_TRACKER_ANNOUNCES_PER_MINUTE", "100000000")
                .setting("KINEMA_TRACKER_ALARM_VIDEOS", "1000000")
                .build();

        List<Result> results = new ArrayList<>();
        Process peertube = null;
        say("starting Kinema on port %d", port);
        KinemaNode node = KinemaNode.start(settings);
        try {
            long kinemaPid = BenchNodes.wildflyPid(nodeDir).orElseThrow(() -> new IllegalStateException("WildFly's JVM not found"));
            String hashes = String.join(",", swarms(node, ffmpegDir, swarms));
            say("Kinema up (JVM pid %d, RSS %d MB); %d served swarms for the load generator", kinemaPid,
                    rssKb(kinemaPid) / 1024, swarms);

            if (Boolean.getBoolean("kinema.tracker.bench.hold")) {
                Files.writeString(benchDir.resolve("hashes.txt"), hashes);
                say("holding: INFO_HASHES in %s; touch %s to stop", benchDir.resolve("hashes.txt"), benchDir.resolve("stop"));
                while (!Files.exists(benchDir.resolve("stop"))) {
                    Thread.sleep(1000);
                }
                Files.delete(benchDir.resolve("stop"));
                return;
            }
            peertube = startPeerTube(work, port + 10);
            long peertubePid = peertube.pid();
            say("PeerTube's tracker up (pid %d, RSS %d MB)", peertubePid, rssKb(peertubePid) / 1024);

            String kinemaUrl = "ws://127.0.0.1:" + port + "/tracker/socket";
            String peertubeUrl = "ws://127.0.0.1:" + (port + 10) + "/tracker/socket";
            if (!"false".equals(System.getProperty("kinema.tracker.bench.warmup"))) {
                Load warmup = loads.get(0);
                say("warming both trackers up with %s (not measured)", warmup);
                loadgen(work, "PeerTube", peertubeUrl, peertubePid, warmup, hashes);
                loadgen(work, "Kinema", kinemaUrl, kinemaPid, warmup, hashes);
            }
            for (Load load : loads) {
                if (load.rate() > 0 && nodeLoadGenerator) {
                    say("%s: skipped, loadgen.mjs has no fixed rate", load);
                    continue;
                }
                for (int round = 0; round < rounds; round++) {
                    results.add(loadgen(work, "PeerTube", peertubeUrl, peertubePid, load, hashes));
                    results.add(loadgen(work, "Kinema", kinemaUrl, kinemaPid, load, hashes));
                }
            }
            if (big > 0) {
                results.add(loadgen(work, "Kinema", kinemaUrl, kinemaPid, new Load(big, swarms, bigOffers, 0), hashes));
                say("Kinema still healthy after %d peers: %s; RSS now %d MB", big, node.isAlive() ? "alive" : "DEAD",
                        rssKb(kinemaPid) / 1024);
            }
        } finally {
            if (peertube != null) {
                peertube.destroy();
                peertube.waitFor(10, TimeUnit.SECONDS);
            }
            say("stopping Kinema");
            node.close();
        }
        report(results);
    }

    // ---------------------------------------------------------------- setup

    /** Copies the load generator into the bench folder and installs its packages there. */
    private Path prepareTools() throws IOException, InterruptedException {
        Path work = benchDir.resolve("tools");
        Files.createDirectories(work);
        for (String file : List.of("loadgen.mjs", "pt-tracker.mjs")) {
            Files.copy(toolsDir.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(work.resolve("node_modules/@peertube/bittorrent-tracker-server"))
                || !Files.isDirectory(work.resolve("node_modules/ws"))) {
            say("npm i ws @peertube/bittorrent-tracker-server@11.1.2 in %s", work);
            if (!Files.exists(work.resolve("package.json"))) {
                exec(work, List.of("npm", "init", "-y"));
            }
            exec(work, List.of("npm", "i", "--no-audit", "--no-fund", "ws", "@peertube/bittorrent-tracker-server@11.1.2"));
        }
        return work;
    }

    /**
     * Publishes a short clip and returns {@code count} info hashes served for it (hex): its real
     * HLS and torrent swarms, then random ones inserted for the same video.
     */
    private List<String> swarms(KinemaNode node, Path ffmpegDir, int count) throws Exception {
        Path clip = benchDir.resolve("clip-2s-180p.mp4");
        if (!Files.exists(clip)) {
            exec(benchDir, List.of(ffmpegDir.resolve("bin/ffmpeg").toString(), "-hide_banner", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30", "-f", "lavfi", "-i", "sine=frequency=440",
                    "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                    "-movflags", "+faststart", clip.toString()));
        }
        BenchClient client = new BenchClient(node.baseUrl());
        client.login("root", BenchNodes.ROOT_PASSWORD);
        String uuid = client.upload(client.firstChannelId(), "tracker bench clip", clip);
        client.awaitPublished(uuid, Duration.ofMinutes(5));
        List<String> hashes = BenchNodes.servedSwarms(node, uuid, count);
        String firstHls = HexFormat.of().formatHex(firstHlsInfoHash(client.video(uuid)).getBytes(StandardCharsets.US_ASCII));
        if (!hashes.contains(firstHls)) {
            throw new IllegalStateException("The published clip's first HLS swarm is not served: " + hashes);
        }
        return hashes;
    }


    /** The info hash a browser announces for the video's first HLS variant (from the served master playlist). */
    private static String firstHlsInfoHash(JsonNode video) throws Exception {
        String master = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        video.path("streamingPlaylists").path(0).path("playlistUrl").asText())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return org.kinema.it.BrowserSwarms.infoHashes(video.path("uuid").asText(), master).get(0);
    }

    private Process startPeerTube(Path work, int port) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("node", "pt-tracker.mjs", String.valueOf(port)).directory(work.toFile())
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = output.readLine();
        if (line == null || !line.contains("peertube tracker on")) {
            process.destroy();
            throw new IOException("PeerTube's tracker did not start: " + line);
        }
        Thread drain = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // PeerTube's tracker's own messages are not part of the figures
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "pt-tracker-output");
        drain.setDaemon(true);
        drain.start();
        return process;
    }

    // ---------------------------------------------------------------- a run

    private Result loadgen(Path work, String tracker, String url, long serverPid, Load load, String hashes)
            throws IOException, InterruptedException {
        List<String> arguments = List.of(url, String.valueOf(load.peers()), String.valueOf(load.swarms()),
                String.valueOf(seconds), String.valueOf(load.offers()));
        List<String> command = new ArrayList<>();
        if (nodeLoadGenerator) {
            command.addAll(List.of("node", "loadgen.mjs"));
        } else {
            // its own JVM, so that its CPU time is its own; one thread, a serial collector: it stays lean
            command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:+UseSerialGC",
                    "-Xmx1g", "-cp", BenchNodes.loadGeneratorClassPath(), TrackerLoad.class.getName()));
        }
        command.addAll(arguments);
        if (!nodeLoadGenerator) {
            command.addAll(List.of("1", String.valueOf(load.rate())));
        }
        say("%s, %s: INFO_HASHES=<%d served> %s", tracker, load, load.swarms(), String.join(" ", command));
        List<String> firstHashes = List.of(hashes.split(",")).subList(0, load.swarms());
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("INFO_HASHES", String.join(",", firstHashes));
        AtomicLong peak = new AtomicLong(rssKb(serverPid));
        AtomicLong peakSockets = new AtomicLong();
        int port = URI.create(url.replace("ws://", "http://")).getPort();
        Process process = builder.start();
        long loadgenPid = process.pid();
        StringBuilder collected = new StringBuilder();
        AtomicLong printedAt = new AtomicLong();
        List<CpuSample> cpu = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = lines.readLine(); l != null; l = lines.readLine()) {
                    if (l.startsWith("peers=")) {
                        printedAt.set(System.nanoTime());
                    }
                    synchronized (collected) {
                        collected.append(l).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "loadgen-output");
        reader.setDaemon(true);
        reader.start();
        Thread sampler = new Thread(() -> {
            int round = 0;
            while (process.isAlive()) {
                cpu.add(new CpuSample(System.nanoTime(), BenchNodes.cpuTicks(serverPid), BenchNodes.cpuTicks(loadgenPid)));
                peak.accumulateAndGet(rssKb(serverPid), Math::max);
                if (round++ % 10 == 0) {
                    peakSockets.accumulateAndGet(establishedOn(port), Math::max);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        // the load generator needs ~6 s beyond its run to connect and warm up, and opening 10,000
        // sockets while the first ones already announce takes it 1-2 minutes here (~100 a second):
        // give it two minutes plus a second per 25 peers, then stop it and say so
        long limit = seconds + 120L + load.peers() / 25;
        boolean finished = process.waitFor(limit, TimeUnit.SECONDS);
        if (!finished) {
            long open = establishedOn(port);
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            say("%s, %s: the load generator did not finish within %d s; stopped it with %d connections"
                    + " established at the tracker's port", tracker, load, limit, open);
        }
        sampler.interrupt();
        sampler.join();
        reader.join(5000);
        peak.accumulateAndGet(rssKb(serverPid), Math::max);
        String output;
        synchronized (collected) {
            output = collected.toString();
        }
        say("%s, %s: at most %d connections established at the tracker's port (sampled each second)", tracker, load,
                peakSockets.get());
        String line = output.lines().filter(l -> l.startsWith("peers=")).reduce((a, b) -> b).orElse(null);
        double[] cores = coresWhileMeasuring(cpu, printedAt.get());
        System.out.println("    " + (line == null ? "(no result) " + output.strip() : line)
                + String.format(Locale.ROOT, " server_rss_peak_mb=%.0f server_cpu_cores=%.2f loadgen_cpu_cores=%.2f",
                peak.get() / 1024.0, cores[0], cores[1]));
        System.out.flush();
        Matcher matcher = line == null ? null : RESULT.matcher(line);
        if (matcher == null || !matcher.find()) {
            return new Result(tracker, load, output.strip(), 0, 0, 0, 0, Double.NaN, Double.NaN, 0, peak.get(),
                    peakSockets.get(), cores[0], cores[1]);
        }
        return new Result(tracker, load, line, Integer.parseInt(matcher.group(1)), Double.parseDouble(matcher.group(4)),
                Double.parseDouble(matcher.group(5)), Double.parseDouble(matcher.group(6)), number(matcher.group(7)),
                number(matcher.group(8)), Long.parseLong(matcher.group(9)), peak.get(), peakSockets.get(), cores[0],
                cores[1]);
    }


    /** CPU time of the tracker and of the load generator, in clock ticks, at one moment. */
    private record CpuSample(long nanos, long serverTicks, long loadgenTicks) {
    }

    /**
     * Cores the tracker and the load generator kept busy while the load generator measured: from
     * the first sample after the window's start ({@code seconds} before the result was printed) to
     * the last one before its end. NaN if the samples do not cover it.
     */
    private double[] coresWhileMeasuring(List<CpuSample> samples, long printedAt) {
        if (printedAt == 0) {
            return new double[]{Double.NaN, Double.NaN};
        }
        long start = printedAt - TimeUnit.SECONDS.toNanos(seconds);
        CpuSample first = null;
        CpuSample last = null;
        synchronized (samples) {
            for (CpuSample sample : samples) {
                if (sample.nanos() >= start && first == null) {
                    first = sample;
                }
                if (sample.nanos() <= printedAt && sample.serverTicks() >= 0 && sample.loadgenTicks() >= 0) {
                    last = sample;
                }
            }
        }
        if (first == null || last == null || last.nanos() - first.nanos() < TimeUnit.SECONDS.toNanos(seconds) / 2) {
            return new double[]{Double.NaN, Double.NaN};
        }
        double elapsed = (last.nanos() - first.nanos()) / 1e9;
        return new double[]{(last.serverTicks() - first.serverTicks()) / (double) TICKS_PER_SECOND / elapsed,
                (last.loadgenTicks() - first.loadgenTicks()) / (double) TICKS_PER_SECOND / elapsed};
    }

    private void report(List<Result> results) {
        String rule = "-".repeat(166);
        StringBuilder table = new StringBuilder("\n").append(rule).append('\n');
        table.append(String.format(Locale.ROOT, "%-30s %-9s %11s %11s %9s %9s %8s %8s %6s %8s %7s %9s %10s %9s%n", "load",
                "tracker", "peers open", "announces/s", "offers/s", "answers/s", "p50 ms", "p99 ms", "errors",
                "RSS MB", "conns", "CPU cores", "µs/announce", "loadgen CPU"));
        table.append(rule).append('\n');
        for (Result r : results) {
            table.append(String.format(Locale.ROOT, "%-30s %-9s %11s %11.0f %9.0f %9.0f %8.1f %8.1f %6d %8.0f %7d %9.2f %10.0f %9.2f%n",
                    r.load(), r.tracker(), r.opened() + "/" + r.load().peers(), r.announces(), r.offers(), r.answers(),
                    r.p50(), r.p99(), r.errors(), r.peakRssKb() / 1024.0, r.peakConnections(), r.serverCores(),
                    1e6 / r.announcesPerCoreSecond(), r.loadgenCores()));
        }
        table.append(rule).append('\n');
        // each round ran PeerTube's tracker, then Kinema's: a pair measured side by side
        Map<Load, List<Result[]>> pairs = new LinkedHashMap<>();
        Result waiting = null;
        for (Result r : results) {
            if ("PeerTube".equals(r.tracker())) {
                waiting = r;
            } else if (waiting != null && waiting.load().equals(r.load())) {
                pairs.computeIfAbsent(r.load(), key -> new ArrayList<>()).add(new Result[]{waiting, r});
                waiting = null;
            }
        }
        for (Map.Entry<Load, List<Result[]>> load : pairs.entrySet()) {
            List<Double> throughput = new ArrayList<>();
            List<Double> perCore = new ArrayList<>();
            for (Result[] pair : load.getValue()) {
                Result pt = pair[0];
                Result kinema = pair[1];
                throughput.add(kinema.announces() / pt.announces());
                perCore.add(kinema.announcesPerCoreSecond() / pt.announcesPerCoreSecond());
                table.append(String.format(Locale.ROOT, "Kinema/PeerTube at %-30s announces/s %.2f   per CPU core %.2f"
                                + "   p50 %.2f   p99 %.2f   RSS %.2f   peers open %d/%d%n", load.getKey(),
                        throughput.get(throughput.size() - 1), perCore.get(perCore.size() - 1), kinema.p50() / pt.p50(),
                        kinema.p99() / pt.p99(), (double) kinema.peakRssKb() / pt.peakRssKb(), kinema.opened(),
                        pt.opened()));
            }
            table.append(String.format(Locale.ROOT, "Kinema/PeerTube at %-30s MEDIAN of %d: announces/s %.2f   per CPU core %.2f%n",
                    load.getKey(), throughput.size(), BenchNodes.median(throughput), BenchNodes.median(perCore)));
        }
        table.append(rule).append('\n');
        table.append("announces/s: what the one load generator achieved against each tracker on this machine, where it\n"
                + "shares the cores with the tracker (PeerTube's runs JavaScript on one thread, Kinema's on every I/O thread);\n"
                + "per CPU core: announces per second of CPU time the tracker used.");
        System.out.println(table);
        System.out.flush();
    }

    // ---------------------------------------------------------------- helpers

    /** Linux's USER_HZ, the unit of the CPU times in /proc/PID/stat (100 on every Linux this runs on). */
    private static final int TICKS_PER_SECOND = 100;


    /** Resident memory of a process in KiB (VmRSS), 0 if it is gone. */
    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** ESTABLISHED TCP connections whose local port is {@code port} (server side), from /proc/net. */
    private static long establishedOn(int port) {
        String local = String.format(Locale.ROOT, ":%04X ", port);
        long count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try (Stream<String> lines = Files.lines(Path.of(table))) {
                count += lines.filter(l -> {
                    String[] f = l.trim().split("\\s+");
                    return f.length > 3 && f[1].endsWith(local.trim()) && "01".equals(f[3]);
                }).count();
            } catch (IOException | RuntimeException e) {
                // not on Linux: no count
            }
        }
        return count;
    }

    private static double number(String text) {
        return "NaN".equals(text) ? Double.NaN : Double.parseDouble(text);
    }

    private static void exec(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("Failed: " + String.join(" ", command) + "\n" + output);
        }
    }

    private static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[tracker-bench] " + format + "%n", args);
        System.out.flush();
    }
}
