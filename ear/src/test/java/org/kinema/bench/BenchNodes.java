package org.kinema.bench;

import org.kinema.launcher.NodeSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What the benchmarks share: a fresh node of their own, reading a tool's first line of output, medians, the CPU a process used. */
final class BenchNodes {

    static final String ROOT_PASSWORD = "bench-root-password";

    private BenchNodes() {
    }

    /**
     * Settings of a node that is nobody else's: its own folder (emptied first), port, cluster name
     * (never joining, or handing work to, another node on this machine), root password, console to a file.
     */
    static NodeSettings.Builder fresh(Path wildflyHome, Path ear, Path nodeDir, String name, int port, String ffmpeg,
                                      String ffprobe) throws IOException {
        org.kinema.launcher.Folders.delete(nodeDir);
        return NodeSettings.builder()
                .wildflyHome(wildflyHome)
                .ear(ear)
                .instanceDir(nodeDir)
                .nodeName(name)
                .consoleToFile(true)
                .setting("KINEMA_HTTP_PORT", String.valueOf(port))
                .setting("KINEMA_PUBLIC_URL", "http://localhost:" + port)
                .setting("KINEMA_ADMIN_PASSWORD", ROOT_PASSWORD)
                .setting("KINEMA_ADMIN_EMAIL", "root@kinema.bench")
                .setting("KINEMA_CLUSTER_NAME", "kinema-" + name + "-" + port)
                .setting("KINEMA_FFMPEG", ffmpeg)
                .setting("KINEMA_FFPROBE", ffprobe)
                // a benchmark is one client calling as fast as it can: PeerTube's limits are not what it measures
                .setting("KINEMA_RATE_LIMIT_API", "0")
                .setting("KINEMA_RATE_LIMIT_LOGIN", "0");
    }

    /** The first line a command prints (stdout and stderr together). */
    static String firstLine(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output.lines().findFirst().orElse("(no output from " + command.get(0) + ")");
    }

    /** A system property the Maven profile sets; fails naming the command to use. */
    /** The median of some figures (the mean of the middle two for an even count); NaN for none. */
    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String required(String property, String profile) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property
                    + " is not set; run through Maven: mvn -o -pl ear verify -P" + profile);
        }
        return value;
    }

    /** WildFly's JVM: the java process whose base dir is the bench node's. */
    static Optional<Long> wildflyPid(Path nodeDir) {
        String marker = "-Djboss.server.base.dir=" + nodeDir.resolve("server");
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    return cmdline.contains(marker) && cmdline.contains("jboss-modules");
                } catch (IOException e) {
                    return false;
                }
            }).map(p -> Long.parseLong(p.getFileName().toString())).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** User + system CPU time of a process (all its threads) in clock ticks, -1 if it is gone. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the command name, in parentheses, may hold spaces: count fields after its closing one
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * {@code count} info hashes (hex) served for the published video: its real HLS and torrent
     * swarms, then random ones inserted for the same video.
     */
    static List<String> servedSwarms(org.kinema.launcher.KinemaNode node, String uuid, int count) throws java.sql.SQLException {
        List<String> hashes = new java.util.ArrayList<>();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(node.jdbcUrl(), node.jdbcUser(), node.jdbcPassword())) {
            long videoId;
            try (java.sql.PreparedStatement query = db.prepareStatement("SELECT id FROM kinema.video WHERE uuid = ?")) {
                query.setObject(1, java.util.UUID.fromString(uuid));
                try (java.sql.ResultSet rows = query.executeQuery()) {
                    rows.next();
                    videoId = rows.getLong(1);
                }
            }
            try (java.sql.PreparedStatement query = db.prepareStatement(
                    "SELECT info_hash FROM kinema.tracker_swarm WHERE video_id = ? ORDER BY info_hash")) {
                query.setLong(1, videoId);
                try (java.sql.ResultSet rows = query.executeQuery()) {
                    while (rows.next() && hashes.size() < count) {
                        hashes.add(rows.getString(1));
                    }
                }
            }
            java.security.SecureRandom random = new java.security.SecureRandom();
            try (java.sql.PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO kinema.tracker_swarm (info_hash, video_id) VALUES (?, ?)")) {
                while (hashes.size() < count) {
                    byte[] bytes = new byte[20];
                    random.nextBytes(bytes);
                    String hash = java.util.HexFormat.of().formatHex(bytes);
                    insert.setString(1, hash);
                    insert.setLong(2, videoId);
                    insert.executeUpdate();
                    hashes.add(hash);
                }
            }
        }
        return hashes;
    }

    /** TrackerLoad's class path: target/test-classes and jackson-core (it escapes JSON strings). */
    static String loadGeneratorClassPath() {
        List<String> entries = new java.util.ArrayList<>();
        for (Class<?> type : List.of(TrackerLoad.class, com.fasterxml.jackson.core.io.JsonStringEncoder.class)) {
            try {
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
