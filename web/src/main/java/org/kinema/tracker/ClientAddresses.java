package org.kinema.tracker;

import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the tracker knows per client address, in memory only: its open connections (to cap them)
 * and the videos it announced lately (to raise an alarm). An address is known only by a hash of
 * it salted with a random value made at start and never stored, so even this map, and the
 * alarm's log line, name no address. An address's entry goes once it has no connection left and
 * its alarm window has passed.
 */
final class ClientAddresses {

    static final Logger LOG = Logger.getLogger(ClientAddresses.class.getName());

    private final byte[] salt = new byte[32];
    private final int maxSockets;
    private final int alarmVideos;
    private final long alarmWindowNanos;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Client> clients = new ConcurrentHashMap<>();
    private volatile long nextSweep;

    ClientAddresses(int maxSockets, int alarmVideos, Duration alarmWindow, LongSupplier clock) {
        new SecureRandom().nextBytes(salt);
        this.maxSockets = maxSockets;
        this.alarmVideos = alarmVideos;
        this.alarmWindowNanos = alarmWindow.toNanos();
        this.clock = clock;
        this.nextSweep = clock.getAsLong() + alarmWindowNanos;
    }

    /** The salted hash standing for an address (or for one connection, when its address is unknown). */
    String key(InetAddress address) {
        byte[] raw = address == null ? randomBytes() : address.getAddress();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return HexFormat.of().formatHex(digest.digest(raw), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts a new connection from the address; false (and not counted) beyond the cap. */
    boolean admit(String key) {
        sweepNowAndThen();
        boolean[] admitted = {false};
        clients.compute(key, (k, client) -> {
            Client known = client == null ? new Client(clock.getAsLong()) : client;
            if (known.sockets < maxSockets) {
                known.sockets++;
                admitted[0] = true;
            }
            return known;
        });
        return admitted[0];
    }

    /** A connection from the address closed. */
    void release(String key) {
        clients.computeIfPresent(key, (k, client) -> {
            client.sockets = Math.max(0, client.sockets - 1);
            return client;
        });
    }

    /** The address announced a video's swarm; warns once per window past the alarm's threshold. */
    void announced(String key, long video) {
        Client client = clients.get(key);
        if (client == null) {
            return;
        }
        int count;
        synchronized (client) {
            long now = clock.getAsLong();
            if (now - client.windowStart >= alarmWindowNanos) {
                client.windowStart = now;
                client.videos.clear();
                client.alarmed = false;
            }
            if (client.alarmed || !client.videos.add(video) || client.videos.size() <= alarmVideos) {
                return;
            }
            client.alarmed = true;
            count = client.videos.size();
        }
        LOG.log(Level.WARNING, "Tracker: one address (salted hash {0}) announced {1} different videos within {2}"
                + " minutes; a crawler collecting viewers'' addresses behaves like this", new Object[]{key, count,
                TimeUnit.NANOSECONDS.toMinutes(alarmWindowNanos)});
    }

    /** Open connections from the address now. */
    int sockets(String key) {
        Client client = clients.get(key);
        return client == null ? 0 : client.sockets;
    }

    int size() {
        return clients.size();
    }

    private void sweepNowAndThen() {
        long now = clock.getAsLong();
        if (now - nextSweep < 0) {
            return;
        }
        nextSweep = now + alarmWindowNanos;
        for (String key : clients.keySet()) {
            clients.computeIfPresent(key, (k, client) ->
                    client.sockets == 0 && now - client.windowStart >= alarmWindowNanos ? null : client);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static final class Client {
        volatile int sockets;
        long windowStart;
        boolean alarmed;
        final Set<Long> videos = new HashSet<>();

        Client(long now) {
            windowStart = now;
        }
    }
}
