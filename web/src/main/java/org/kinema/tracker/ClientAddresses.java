package org.kinema.tracker;

import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the tracker knows per client address, in memory only: its open connections (to cap them)
 * and the videos it announced lately (to raise an alarm), with what the cluster's other nodes know
 * of it ({@link Elsewhere}). An address is known only by a hash of it keyed with the instance's
 * secret for this purpose (the same on every node, never given out), so even this map, the
 * messages between nodes and the alarm's log line name no address. An address's entry goes once
 * it has no connection left and its alarm window has passed.
 */
final class ClientAddresses {

    /** What the cluster's other nodes know of addresses (nothing, for a tracker alone). */
    interface Elsewhere {

        Elsewhere NOWHERE = new Elsewhere() {
            @Override
            public int sockets(String key) {
                return 0;
            }

            @Override
            public void socketsHere(String key, int count) {
            }

            @Override
            public void announced(String key, long video) {
            }
        };

        /** Sockets the address holds on other nodes. */
        int sockets(String key);

        /** The address now holds {@code count} sockets on this node. */
        void socketsHere(String key, int count);

        /** The address announced a video it had not in this window, on this node. */
        void announced(String key, long video);
    }

    static final Logger LOG = Logger.getLogger(ClientAddresses.class.getName());

    /** The key of the hashes, asked for at the first connection (not while the application starts). */
    private final Supplier<byte[]> saltSource;
    private volatile byte[] salt;
    private final Elsewhere elsewhere;
    private final int maxSockets;
    private final int alarmVideos;
    private final long alarmWindowNanos;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Client> clients = new ConcurrentHashMap<>();
    private volatile long nextSweep;

    /** A tracker alone, its addresses hashed with a random key of its own. */
    ClientAddresses(int maxSockets, int alarmVideos, Duration alarmWindow, LongSupplier clock) {
        this(ClientAddresses::randomBytes, maxSockets, alarmVideos, alarmWindow, clock, Elsewhere.NOWHERE);
    }

    ClientAddresses(Supplier<byte[]> salt, int maxSockets, int alarmVideos, Duration alarmWindow, LongSupplier clock,
                    Elsewhere elsewhere) {
        this.saltSource = salt;
        this.elsewhere = elsewhere;
        this.maxSockets = maxSockets;
        this.alarmVideos = alarmVideos;
        this.alarmWindowNanos = alarmWindow.toNanos();
        this.clock = clock;
        this.nextSweep = clock.getAsLong() + alarmWindowNanos;
    }

    /** The salted hash standing for an address (or for one connection, when its address is unknown). */
    String key(InetAddress address) {
        byte[] raw = address == null ? randomBytes() : address.getAddress();
        byte[] key = salt;
        if (key == null) {
            key = saltSource.get().clone();
            salt = key;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(key);
            return HexFormat.of().formatHex(digest.digest(raw), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Counts a new connection from the address; false (and not counted) beyond the cap, which
     * counts the address's sockets on the other nodes too (as they last told).
     */
    boolean admit(String key) {
        sweepNowAndThen();
        int elsewhereNow = elsewhere.sockets(key);
        int[] now = {-1};
        clients.compute(key, (k, client) -> {
            Client known = client == null ? new Client(clock.getAsLong()) : client;
            if (known.sockets + elsewhereNow < maxSockets) {
                known.sockets++;
                now[0] = known.sockets;
            }
            return known;
        });
        if (now[0] < 0) {
            return false;
        }
        elsewhere.socketsHere(key, now[0]);
        return true;
    }

    /** A connection from the address closed. */
    void release(String key) {
        int[] now = {-1};
        clients.computeIfPresent(key, (k, client) -> {
            client.sockets = Math.max(0, client.sockets - 1);
            now[0] = client.sockets;
            return client;
        });
        if (now[0] >= 0) {
            elsewhere.socketsHere(key, now[0]);
        }
    }

    /** The sockets of every address that holds some on this node. */
    Map<String, Integer> socketCounts() {
        Map<String, Integer> counts = new HashMap<>();
        clients.forEach((key, client) -> {
            if (client.sockets > 0) {
                counts.put(key, client.sockets);
            }
        });
        return counts;
    }

    /** The address announced a video's swarm here; warns once per window past the alarm's threshold. */
    void announced(String key, long video) {
        Client client = clients.get(key);
        if (client != null && add(key, client, video)) {
            elsewhere.announced(key, video);
        }
    }

    /** Another node saw the address announce a video: it counts towards the alarm here too. */
    void announcedElsewhere(String key, long video) {
        add(key, clients.computeIfAbsent(key, k -> new Client(clock.getAsLong())), video);
    }

    /** Adds the video to the address's window, warning when it passes the threshold; false if it was there. */
    private boolean add(String key, Client client, long video) {
        int count;
        synchronized (client) {
            long now = clock.getAsLong();
            if (now - client.windowStart >= alarmWindowNanos) {
                client.windowStart = now;
                client.videos.clear();
                client.alarmed = false;
            }
            if (!client.videos.add(video)) {
                return false;
            }
            if (client.alarmed || client.videos.size() <= alarmVideos) {
                return true;
            }
            client.alarmed = true;
            count = client.videos.size();
        }
        LOG.log(Level.WARNING, "Tracker: one address (salted hash {0}) announced {1} different videos within {2}"
                + " minutes; a crawler collecting viewers'' addresses behaves like this", new Object[]{key, count,
                TimeUnit.NANOSECONDS.toMinutes(alarmWindowNanos)});
        return true;
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
