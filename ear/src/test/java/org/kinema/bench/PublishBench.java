package org.kinema.bench;

import org.kinema.launcher.KinemaNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Publishing while encoding against publishing once the ladder is complete, side by side in one
 * run: two fresh nodes on this machine, one with {@code KINEMA_TRANSCODING_PUBLISH=early} (the
 * default), one with {@code end}, only one of them working at any time. For each length of a
 * generated 1080p30 source (the transcoding benchmark's recipe), the source is uploaded to one node
 * then the other, and it measures from the upload reply (upload complete) to playable (published,
 * its master playlist answering and every rendition's playlist listing a segment) and to the
 * complete ladder (every rendition listed with its torrent). Lengths in {@code playable.seconds}
 * are measured to playable only, with publishing early (the video is then deleted, which stops its
 * encode): a complete 20-minute ladder takes this machine longer than a session allows.
 *
 * <p>Run: {@code mvn -o verify -Ppublish-bench -DskipTests} (after {@code mvn -o install -DskipTests});
 * {@code -Dkinema.publish.bench.seconds=30,180 -Dkinema.publish.bench.playable.seconds=1200
 * -Dkinema.publish.bench.port=19400}.
 */
public final class PublishBench {

    private static final long POLL_MILLIS = 100;

    private PublishBench() {
    }

    public static void main(String[] args) throws Exception {
        Path benchDir = Path.of(BenchNodes.required("kinema.bench.dir", "publish-bench")).toAbsolutePath();
        Path wildflyHome = Path.of(BenchNodes.required("kinema.wildfly.home", "publish-bench"));
        Path ear = Path.of(BenchNodes.required("kinema.ear", "publish-bench"));
        Path ffmpegDir = Path.of(BenchNodes.required("kinema.ffmpeg.dir", "publish-bench"));
        String ffmpeg = ffmpegDir.resolve("bin/ffmpeg").toString();
        String ffprobe = ffmpegDir.resolve("bin/ffprobe").toString();
        int port = Integer.getInteger("kinema.publish.bench.port", 19400);
        List<Integer> lengths = seconds(System.getProperty("kinema.publish.bench.seconds", "30,180"));
        List<Integer> playableOnly = seconds(System.getProperty("kinema.publish.bench.playable.seconds", ""));
        int warmup = Integer.getInteger("kinema.publish.bench.warmup.seconds", 8);
        int rounds = Math.max(1, Integer.getInteger("kinema.publish.bench.rounds", 1));
        say("Publish benchmark: %d cores; 1080p30 sources of %s s (and %s s to playable only)",
                Runtime.getRuntime().availableProcessors(), lengths, playableOnly);

        List<String> results = new ArrayList<>();
        try (KinemaNode early = KinemaNode.start(BenchNodes.fresh(wildflyHome, ear, benchDir.resolve("early"), "bench-early",
                port, ffmpeg, ffprobe).setting("KINEMA_TRANSCODING_PUBLISH", "early").build());
             KinemaNode atEnd = KinemaNode.start(BenchNodes.fresh(wildflyHome, ear, benchDir.resolve("end"), "bench-end",
                     port + 1, ffmpeg, ffprobe).setting("KINEMA_TRANSCODING_PUBLISH", "end").build())) {
            BenchClient earlyClient = client(early);
            BenchClient endClient = client(atEnd);
            if (warmup > 0) {
                // a fresh server's first job pays for the first run of its code: each node transcodes a clip first, unmeasured
                Path clip = BenchSource.noisy1080p30(ffmpeg, benchDir, warmup);
                measure(earlyClient, clip, "warm-up, early", true);
                measure(endClient, clip, "warm-up, at the end", true);
            }
            for (int length : lengths) {
                Path source = BenchSource.noisy1080p30(ffmpeg, benchDir, length);
                List<BenchClient.Times> earlyRuns = new ArrayList<>();
                List<BenchClient.Times> endRuns = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    // early, end, then end, early: a machine whose load drifts favours neither mode
                    boolean earlyFirst = round % 2 == 0;
                    if (earlyFirst) {
                        earlyRuns.add(measure(earlyClient, source, "early, " + length + " s", true));
                    }
                    endRuns.add(measure(endClient, source, "at the end, " + length + " s", true));
                    if (!earlyFirst) {
                        earlyRuns.add(measure(earlyClient, source, "early, " + length + " s", true));
                    }
                }
                BenchClient.Times whileEncoding = mean(earlyRuns);
                BenchClient.Times atTheEnd = mean(endRuns);
                results.add(String.format(Locale.ROOT, "RESULT %d s 1080p30%s: playable %.1f s after the upload (publishing at"
                                + " the end: %.1f s); complete ladder %.1f s (at the end: %.1f s), ratio %.2f", length,
                        rounds > 1 ? " (mean of " + rounds + " rounds)" : "", whileEncoding.playable(), atTheEnd.playable(),
                        whileEncoding.complete(), atTheEnd.complete(), whileEncoding.complete() / atTheEnd.complete()));
            }
            for (int length : playableOnly) {
                Path source = BenchSource.noisy1080p30(ffmpeg, benchDir, length);
                BenchClient.Times whileEncoding = measure(earlyClient, source, "early, " + length + " s", false);
                results.add(String.format(Locale.ROOT, "RESULT %d s 1080p30: playable %.1f s after the upload (complete"
                        + " ladder not measured)", length, whileEncoding.playable()));
            }
        }
        say("");
        results.forEach(PublishBench::say);
        say("(one node works at a time; both share this machine's %d cores)", Runtime.getRuntime().availableProcessors());
    }

    private static BenchClient.Times mean(List<BenchClient.Times> times) {
        return new BenchClient.Times(times.stream().mapToDouble(BenchClient.Times::playable).average().orElse(Double.NaN),
                times.stream().mapToDouble(BenchClient.Times::complete).average().orElse(Double.NaN));
    }

    private static BenchClient client(KinemaNode node) throws Exception {
        BenchClient client = new BenchClient(node.baseUrl());
        client.login("root", BenchNodes.ROOT_PASSWORD);
        return client;
    }

    private static BenchClient.Times measure(BenchClient client, Path source, String what, boolean toTheEnd) throws Exception {
        String uuid = client.upload(client.firstChannelId(), "publish bench, " + what, source);
        BenchClient.Times times = client.publication(uuid, System.nanoTime(), toTheEnd, Duration.ofHours(2), POLL_MILLIS);
        say("%s: playable after %.2f s", what, times.playable());
        if (toTheEnd) {
            say("%s: complete ladder after %.2f s", what, times.complete());
        } else {
            client.deleteVideo(uuid);
        }
        return times;
    }

    private static List<Integer> seconds(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(item -> !item.isEmpty()).map(Integer::valueOf)
                .toList();
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
