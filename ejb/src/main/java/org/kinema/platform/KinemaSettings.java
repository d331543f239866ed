package org.kinema.platform;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.TreeMap;
import java.util.SortedMap;

/**
 * The node's settings: {@code KINEMA_*} environment variables, or the matching system
 * properties ({@code KINEMA_PUBLIC_URL} ↔ {@code kinema.public.url}), with defaults that work on
 * a fresh machine.
 */
@ApplicationScoped
public class KinemaSettings {

    public static final String DEFAULT_NODE_NAME = "kinema";

    public String publicUrl() {
        String url = value("KINEMA_PUBLIC_URL").orElse("http://localhost:" + httpPort());
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The host as PeerTube shows it: host name, and port when it is not the scheme's default. */
    public String host() {
        URI uri = URI.create(publicUrl());
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    public int httpPort() {
        return value("KINEMA_HTTP_PORT").map(Integer::parseInt).orElse(9000);
    }

    public Path mediaDir() {
        return Path.of(value("KINEMA_MEDIA_DIR").orElse("media")).toAbsolutePath();
    }

    /** ffmpeg to run: KINEMA_FFMPEG, or the one on the PATH. */
    public String ffmpeg() {
        return value("KINEMA_FFMPEG").orElse("ffmpeg");
    }

    public String ffprobe() {
        return value("KINEMA_FFPROBE").orElse("ffprobe");
    }

    /** How many transcoding jobs this node runs at once (each uses every core it can). */
    public int transcodingJobs() {
        return value("KINEMA_TRANSCODING_JOBS").map(Integer::parseInt).orElse(1);
    }

    /**
     * A source at least one and a half times this long (KINEMA_TRANSCODING_PART_SECONDS, 120) is cut
     * into parts of this length (in whole segments) that the nodes of a cluster encode at once; 0 never cuts. A node alone never
     * cuts: one encode already uses all its cores.
     */
    public int transcodingPartSeconds() {
        return Math.max(0, value("KINEMA_TRANSCODING_PART_SECONDS").map(Integer::parseInt).orElse(120));
    }

    /**
     * Whether a new video is published while its ladder is being encoded, as soon as the first
     * segments of every rendition exist (KINEMA_TRANSCODING_PUBLISH {@code early}, the default), or
     * only once every rendition is complete ({@code end}).
     */
    public boolean publishWhileEncoding() {
        return !value("KINEMA_TRANSCODING_PUBLISH").map(String::toLowerCase).orElse("early").equals("end");
    }

    /** How long a resumable upload may stay unfinished before it is forgotten (its bytes deleted). */
    public Duration uploadExpiry() {
        return Duration.ofHours(Math.max(1, value("KINEMA_UPLOAD_EXPIRY_HOURS").map(Integer::parseInt).orElse(24)));
    }

    /**
     * The largest upload, in bytes: the file of a one-request upload, or one chunk of a
     * resumable one. Other request bodies have PeerTube's small limits.
     */
    public long maxUploadSize() {
        return value("KINEMA_MAX_REQUEST_SIZE").map(Long::parseLong).orElse(64L * 1024 * 1024 * 1024);
    }

    /** The instance's WebTorrent tracker, for torrents and magnet links. */
    public java.util.List<String> trackerUrls() {
        String url = publicUrl();
        String ws = url.startsWith("https://") ? "wss://" + url.substring(8) : "ws://" + url.substring(url.indexOf("://") + 3);
        return java.util.List.of(ws + "/tracker/socket", url + "/tracker/announce");
    }

    /** This node's name, unique among the nodes sharing the database: KINEMA_NODE_NAME, or the default name. */
    public String nodeName() {
        return value("KINEMA_NODE_NAME").orElse(DEFAULT_NODE_NAME);
    }

    /** Whether the operator named this node; a node under the default name must be alone on its database. */
    public boolean nodeNamed() {
        return value("KINEMA_NODE_NAME").isPresent();
    }

    /** How long a transcoding job's claim lasts without renewal (renewed every quarter of it while the job runs). */
    public Duration transcodingLease() {
        return Duration.ofSeconds(Math.max(5, value("KINEMA_TRANSCODING_LEASE_SECONDS").map(Integer::parseInt).orElse(60)));
    }

    /**
     * How long a node's claim on a remote host's deliveries lasts without renewal
     * (KINEMA_FEDERATION_LEASE_SECONDS, 60): a node that dies loses its hosts to the others after
     * this long. At least 30 s, twice the longest a delivery's POST may take (time-out and connect),
     * so that a lease is renewed in time between two deliveries.
     */
    public Duration federationLease() {
        return Duration.ofSeconds(Math.max(30, value("KINEMA_FEDERATION_LEASE_SECONDS").map(Integer::parseInt).orElse(60)));
    }

    /** How many threads of each node send ActivityPub deliveries: KINEMA_FEDERATION_WORKERS, 8 by default. */
    public int deliveryWorkers() {
        return Math.max(1, value("KINEMA_FEDERATION_WORKERS").map(Integer::parseInt).orElse(8));
    }

    /**
     * Whether remote fetches may reach private and loopback addresses: KINEMA_FEDERATION_ALLOW_PRIVATE=true,
     * for tests of several instances on one machine only.
     */
    public boolean federationAllowsPrivateAddresses() {
        return value("KINEMA_FEDERATION_ALLOW_PRIVATE").map(Boolean::parseBoolean).orElse(false);
    }

    public Optional<String> adminPassword() {
        return value("KINEMA_ADMIN_PASSWORD");
    }

    /** The administrator's address: admin@ the public host, or admin@example.com for a host without a dot (localhost). */
    public String adminEmail() {
        String host = URI.create(publicUrl()).getHost();
        return value("KINEMA_ADMIN_EMAIL").orElse("admin@" + (host.contains(".") ? host : "example.com"));
    }

    /**
     * The settings that govern the whole cluster rather than one node (limits, leases, what is
     * trusted), as this node has them, by name; unset ones are absent. Nodes whose values differ
     * would treat the same request or job differently depending on where it lands.
     */
    public SortedMap<String, String> clusterWide() {
        SortedMap<String, String> values = new TreeMap<>();
        for (String name : CLUSTER_WIDE) {
            value(name).ifPresent(value -> values.put(name, value));
        }
        return values;
    }

    private static final List<String> CLUSTER_WIDE = List.of("KINEMA_PUBLIC_URL", "KINEMA_MAX_REQUEST_SIZE",
            "KINEMA_BEHIND_PROXY", "KINEMA_RATE_LIMIT_API", "KINEMA_RATE_LIMIT_LOGIN", "KINEMA_RATE_LIMIT_SIGNUP",
            "KINEMA_RATE_LIMIT_ASK_SEND_EMAIL", "KINEMA_RATE_LIMIT_EXEMPT", "KINEMA_CLUSTER_NAME",
            "KINEMA_TRANSCODING_LEASE_SECONDS", "KINEMA_TRANSCODING_PART_SECONDS", "KINEMA_TRANSCODING_PUBLISH",
            "KINEMA_FEDERATION_LEASE_SECONDS", "KINEMA_UPLOAD_EXPIRY_HOURS", "KINEMA_FEDERATION_ALLOW_PRIVATE",
            "KINEMA_SMTP_HOST", "KINEMA_SMTP_PORT", "KINEMA_SMTP_FROM",
            "KINEMA_TRACKER_PEERS_PER_ANSWER", "KINEMA_TRACKER_ANNOUNCES_PER_MINUTE", "KINEMA_TRACKER_SOCKETS_PER_ADDRESS",
            "KINEMA_TRACKER_ALARM_VIDEOS", "KINEMA_TRACKER_ALARM_MINUTES", "KINEMA_TRACKER_INTERVAL",
            "KINEMA_TRACKER_SWARMS_PER_SOCKET");

    public Optional<String> value(String name) {
        String property = System.getProperty(name.toLowerCase().replace('_', '.'));
        if (property != null && !property.isBlank()) {
            return Optional.of(property.trim());
        }
        String env = System.getenv(name);
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env.trim());
    }
}
