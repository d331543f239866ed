package org.kinema.tracker;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tracker's privacy and abuse limits, from {@code KINEMA_TRACKER_*} settings:
 * <ul>
 *   <li>{@code KINEMA_TRACKER_PEERS_PER_ANSWER} (20, at most 20): peers an announce's offers go to;</li>
 *   <li>{@code KINEMA_TRACKER_ANNOUNCES_PER_MINUTE} (60): messages one connection may send a minute;</li>
 *   <li>{@code KINEMA_TRACKER_SOCKETS_PER_ADDRESS} (20): open connections from one address;</li>
 *   <li>{@code KINEMA_TRACKER_ALARM_VIDEOS} (20) and {@code KINEMA_TRACKER_ALARM_MINUTES} (10): one
 *       address announcing more different videos than that within that many minutes is logged as a
 *       warning (a crawler collecting viewers' addresses looks like that);</li>
 *   <li>{@code KINEMA_TRACKER_INTERVAL} (120): seconds between a client's announces;</li>
 *   <li>{@code KINEMA_TRACKER_SWARMS_PER_SOCKET} (100): swarms one connection may take part in.</li>
 * </ul>
 */
public record TrackerLimits(int peersPerAnswer, int announcesPerMinute, int socketsPerAddress, int alarmVideos,
                            Duration alarmWindow, Duration interval, int swarmsPerSocket) {

    /** PeerTube's and WebTorrent's ceiling on peers per answer. */
    public static final int MAX_PEERS_PER_ANSWER = 20;

    public static final TrackerLimits DEFAULTS = new TrackerLimits(MAX_PEERS_PER_ANSWER, 60, 20, 20,
            Duration.ofMinutes(10), Duration.ofSeconds(120), 100);

    public TrackerLimits {
        if (peersPerAnswer < 1 || peersPerAnswer > MAX_PEERS_PER_ANSWER) {
            throw new IllegalArgumentException("peers per answer must be 1.." + MAX_PEERS_PER_ANSWER);
        }
        if (announcesPerMinute < 1 || socketsPerAddress < 1 || alarmVideos < 1 || swarmsPerSocket < 1) {
            throw new IllegalArgumentException("tracker limits must be positive");
        }
    }

    /** The limits named by settings ({@code KINEMA_TRACKER_*}), defaults for those not set. */
    public static TrackerLimits from(Function<String, Optional<String>> settings) {
        return new TrackerLimits(
                number(settings, "KINEMA_TRACKER_PEERS_PER_ANSWER", DEFAULTS.peersPerAnswer),
                number(settings, "KINEMA_TRACKER_ANNOUNCES_PER_MINUTE", DEFAULTS.announcesPerMinute),
                number(settings, "KINEMA_TRACKER_SOCKETS_PER_ADDRESS", DEFAULTS.socketsPerAddress),
                number(settings, "KINEMA_TRACKER_ALARM_VIDEOS", DEFAULTS.alarmVideos),
                Duration.ofMinutes(number(settings, "KINEMA_TRACKER_ALARM_MINUTES", (int) DEFAULTS.alarmWindow.toMinutes())),
                Duration.ofSeconds(number(settings, "KINEMA_TRACKER_INTERVAL", (int) DEFAULTS.interval.toSeconds())),
                number(settings, "KINEMA_TRACKER_SWARMS_PER_SOCKET", DEFAULTS.swarmsPerSocket));
    }

    private static int number(Function<String, Optional<String>> settings, String name, int fallback) {
        return settings.apply(name).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, not " + value, e);
            }
        }).orElse(fallback);
    }
}
