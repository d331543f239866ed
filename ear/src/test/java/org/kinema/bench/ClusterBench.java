package org.kinema.bench;

import org.kinema.launcher.Folders;
import org.kinema.launcher.KinemaCluster;
import org.kinema.launcher.KinemaNode;
import org.kinema.launcher.NodeSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two nodes against one, side by side in one run, in one cluster behind WildFly's balancer (one
 * database, one media folder): for each round, node 2 is stopped and the work is measured on node 1
 * alone, then node 2 is started again and the same work is measured on both.
 * <ul>
 *   <li>Transcoding: {@code uploads} generated 1080p30 clips of {@code seconds} s are uploaded at
 *       once through the balancer; the figure is videos per minute from the first upload's start to
 *       the last one published (each node runs one job at a time, each job uses every core).</li>
 *   <li>One long upload: a generated 1080p30 clip of {@code long.seconds} s (180) is uploaded
 *       alone; the figures are seconds from the end of its upload to playable (published while
 *       encoding, every rendition with a segment) and to its complete ladder. One node encodes it
 *       whole; two nodes cut it into parts of {@code part.seconds} (60) and encode them at once,
 *       each node one part at a time, the video watchable from its first part meanwhile
 *       ({@code 0}: not measured).</li>
 *   <li>Tracker: two load generators ({@link TrackerLoad}, each its own JVM, half of the peers each,
 *       every peer announcing with offers to the served swarms of one video) against node 1, then one
 *       against each node, where half the offers cross between the nodes; announces per second of
 *       both together, after the same load unmeasured for {@code warmup.seconds} (20 s; a restarted
 *       node's code is cold).</li>
 * </ul>
 * It prints each figure and the ratio two nodes / one node. Run: {@code mvn -o verify -Pcluster-bench
 * -DskipTests}; {@code -Dkinema.cluster.bench.uploads=4 -Dkinema.cluster.bench.seconds=30
 * -Dkinema.cluster.bench.long.seconds=180 -Dkinema.cluster.bench.part.seconds=60
 * -Dkinema.cluster.bench.peers=1000 -Dkinema.cluster.bench.rounds=1 -Dkinema.cluster.bench.warmup.seconds=20}
 * ({@code uploads=0}: the tracker only).
 */
public final class ClusterBench {

    private static final Pattern LOAD = Pattern.compile("announces/s=(\\d+).*p50_ms=([0-9.NaN]+) p99_ms=([0-9.NaN]+) errors=(\\d+)");

    private ClusterBench() {
    }

    public static void main(String[] args) throws Exception {
        Path benchDir = Path.of(BenchNodes.required("kinema.bench.dir", "cluster-bench")).toAbsolutePath();
        Path wildflyHome = Path.of(BenchNodes.required("kinema.wildfly.home", "cluster-bench"));
        Path ear = Path.of(BenchNodes.required("kinema.ear", "cluster-bench"));
        Path ffmpegDir = Path.of(BenchNodes.required("kinema.ffmpeg.dir", "cluster-bench"));
        int port = Integer.getInteger("kinema.cluster.bench.port", 19800);
        int uploads = Integer.getInteger("kinema.cluster.bench.uploads", 4);
        int seconds = Integer.getInteger("kinema.cluster.bench.seconds", 30);
        int longSeconds = Integer.getInteger("kinema.cluster.bench.long.seconds", 180);
        int partSeconds = Integer.getInteger("kinema.cluster.bench.part.seconds", 60);
        int peers = Integer.getInteger("kinema.cluster.bench.peers", 1000);
        int loadSeconds = Integer.getInteger("kinema.cluster.bench.load.seconds", 15);
        int rounds = Integer.getInteger("kinema.cluster.bench.rounds", 1);
        int warmUp = Integer.getInteger("kinema.cluster.bench.warmup.seconds", 20);

        Path clusterDir = benchDir.resolve("cluster");
        Folders.delete(clusterDir);
        say("Cluster benchmark: %d cores; %d uploads of %d s 1080p30 at once; one upload of %d s 1080p30 (parts of %d s);"
                        + " %d tracker peers for %d s; %d round(s)", Runtime.getRuntime().availableProcessors(), uploads,
                seconds, longSeconds, partSeconds, peers, loadSeconds, rounds);
        Path clip = org.kinema.it.Media.clip(benchDir.resolve("clip-" + seconds + "s-1080p.mp4"), seconds, 1920, 1080);
        Path longClip = longSeconds > 0
                ? org.kinema.it.Media.clip(benchDir.resolve("clip-" + longSeconds + "s-1080p.mp4"), longSeconds, 1920, 1080)
                : null;
        Path small = org.kinema.it.Media.clip(benchDir.resolve("clip-4s-240p.mp4"), 4, 426, 240);

        NodeSettings template = NodeSettings.builder()
                .wildflyHome(wildflyHome)
                .ear(ear)
                .instanceDir(clusterDir)
                .nodeName("bench-node")
                .setting("KINEMA_HTTP_PORT", String.valueOf(port))
                .setting("KINEMA_ADMIN_PASSWORD", BenchNodes.ROOT_PASSWORD)
                .setting("KINEMA_ADMIN_EMAIL", "root@kinema.bench")
                .setting("KINEMA_FFMPEG", ffmpegDir.resolve("bin/ffmpeg").toString())
                .setting("KINEMA_FFPROBE", ffmpegDir.resolve("bin/ffprobe").toString())
                .setting("KINEMA_RATE_LIMIT_API", "0")
                .setting("KINEMA_RATE_LIMIT_LOGIN", "0")
                .setting("KINEMA_TRACKER_SOCKETS_PER_ADDRESS", "1000000")
                .setting("KINEMA_TRACKER_ANNOUNCES_PER_MINUTE", "100000000")
                .setting("KINEMA_TRACKER_ALARM_VIDEOS", "1000000")
                .setting("KINEMA_TRANSCODING_PART_SECONDS", String.valueOf(partSeconds))
                .build();
        try (KinemaCluster cluster = KinemaCluster.start(template, 2)) {
            BenchClient client = new BenchClient(cluster.baseUrl());
            client.login("root", BenchNodes.ROOT_PASSWORD);
            long channel = client.firstChannelId();
            String swarmVideo = client.upload(channel, "tracker swarms", small);
            awaitPublished(client, List.of(swarmVideo));
            List<String> hashes = BenchNodes.servedSwarms(cluster.node(0), swarmVideo, 100);

            List<Double> oneTranscode = new ArrayList<>();
            List<Double> twoTranscode = new ArrayList<>();
            List<BenchClient.Times> oneLong = new ArrayList<>();
            List<BenchClient.Times> twoLong = new ArrayList<>();
            List<Double> oneTracker = new ArrayList<>();
            List<Double> twoTracker = new ArrayList<>();
            KinemaNode first = cluster.node(0);
            KinemaNode second = cluster.node(1);
            for (int round = 1; round <= rounds; round++) {
                second.stopServer();
                cluster.awaitBalanced();
                if (uploads > 0) {
                    oneTranscode.add(transcode(client, channel, clip, uploads, "one node, round " + round));
                }
                if (longClip != null) {
                    oneLong.add(longUpload(client, channel, longClip, "one node, round " + round));
                }
                tracker(List.of(first, first), hashes, peers, warmUp, "one node, warm-up");
                oneTracker.add(tracker(List.of(first, first), hashes, peers, loadSeconds, "one node, round " + round));
                second.startServer();
                cluster.awaitBalanced();
                if (uploads > 0) {
                    twoTranscode.add(transcode(client, channel, clip, uploads, "two nodes, round " + round));
                }
                if (longClip != null) {
                    twoLong.add(longUpload(client, channel, longClip, "two nodes, round " + round));
                }
                // the restarted node's tracker code is not compiled yet: the same load, unmeasured, first
                tracker(List.of(first, second), hashes, peers, warmUp, "two nodes, warm-up");
                twoTracker.add(tracker(List.of(first, second), hashes, peers, loadSeconds, "two nodes, round " + round));
            }
            double one = BenchNodes.median(oneTranscode);
            double two = BenchNodes.median(twoTranscode);
            double oneA = BenchNodes.median(oneTracker);
            double twoA = BenchNodes.median(twoTracker);
            say("");
            if (uploads > 0) {
                say("RESULT transcoding (%d x %d s 1080p30 at once): one node %.2f videos/min, two nodes %.2f videos/min,"
                        + " ratio %.2f", uploads, seconds, one, two, two / one);
            }
            if (longClip != null) {
                double oneL = BenchNodes.median(oneLong.stream().map(BenchClient.Times::complete).toList());
                double twoL = BenchNodes.median(twoLong.stream().map(BenchClient.Times::complete).toList());
                say("RESULT one long upload (%d s 1080p30, parts of %d s on two nodes): complete ladder one node %.1f s,"
                        + " two nodes %.1f s, ratio (speed) %.2f; playable one node %.1f s, two nodes %.1f s after the"
                        + " upload", longSeconds, partSeconds, oneL, twoL, oneL / twoL,
                        BenchNodes.median(oneLong.stream().map(BenchClient.Times::playable).toList()),
                        BenchNodes.median(twoLong.stream().map(BenchClient.Times::playable).toList()));
            }
            say("RESULT tracker (%d peers, offers): one node %.0f announces/s, two nodes %.0f announces/s, ratio %.2f",
                    peers, oneA, twoA, twoA / oneA);
            say("(both nodes, the balancer, PostgreSQL and the load generators share this machine's %d cores)",
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** Uploads {@code count} copies at once and waits for all; videos per minute. */
    private static double transcode(BenchClient client, long channel, Path clip, int count, String what) throws Exception {
        long start = System.nanoTime();
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            uuids.add(client.upload(channel, what + " #" + i, clip));
        }
        awaitPublished(client, uuids);
        double minutes = (System.nanoTime() - start) / 60e9;
        double perMinute = count / minutes;
        say("transcoding, %s: %d videos in %.1f s: %.2f videos/min", what, count, minutes * 60, perMinute);
        return perMinute;
    }

    /** Uploads the clip alone; when it became playable and complete after its upload. */
    private static BenchClient.Times longUpload(BenchClient client, long channel, Path clip, String what) throws Exception {
        String uuid = client.upload(channel, what + ", long", clip);
        BenchClient.Times times = client.publication(uuid, System.nanoTime(), true, Duration.ofMinutes(30), 200);
        say("one long upload, %s: playable %.1f s, complete ladder %.1f s after its upload", what, times.playable(),
                times.complete());
        return times;
    }

    private static void awaitPublished(BenchClient client, List<String> uuids) throws Exception {
        for (String uuid : uuids) {
            client.awaitPublished(uuid, Duration.ofMinutes(30));
        }
    }

    /** Two load generators at once, half the peers each, one against each node given; announces/s of both. */
    private static double tracker(List<KinemaNode> targets, List<String> hashes, int peers, int seconds, String what)
            throws Exception {
        List<Process> processes = new ArrayList<>();
        for (KinemaNode target : targets) {
            List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:+UseSerialGC",
                    "-Xmx1g", "-cp", BenchNodes.loadGeneratorClassPath(), TrackerLoad.class.getName(),
                    target.baseUrl().replace("http://", "ws://") + "/tracker/socket", String.valueOf(peers / targets.size()),
                    String.valueOf(hashes.size()), String.valueOf(seconds), "5", "1", "0");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("INFO_HASHES", String.join(",", hashes));
            processes.add(builder.start());
        }
        double total = 0;
        for (int i = 0; i < processes.size(); i++) {
            String output = new String(processes.get(i).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            processes.get(i).waitFor();
            Matcher matcher = LOAD.matcher(output);
            if (!matcher.find()) {
                throw new IllegalStateException("The load generator said: " + output);
            }
            total += Double.parseDouble(matcher.group(1));
            say("tracker, %s, generator %d -> %s: %s announces/s, p50 %s ms, p99 %s ms, %s errors", what, i + 1,
                    targets.get(i).settings().nodeName(), matcher.group(1), matcher.group(2), matcher.group(3),
                    matcher.group(4));
        }
        say("tracker, %s: %.0f announces/s", what, total);
        return total;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
