package org.kinema.tracker;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One connected client: its connection, the swarms it announced (info hash to its peer id
 * there) and its message budget for the current minute. Lives as long as its socket.
 */
public final class TrackerClient implements Peer {

    private static final long MINUTE_NANOS = 60_000_000_000L;
    /** Messages that may wait behind one that waits for the database. */
    static final int MAX_QUEUED = 32;

    /** What to do with a message just read. */
    enum Queued { GO, QUEUED, QUEUE_FULL }

    private final Connection connection;
    private final String addressKey;
    private final LongSupplier clock;
    private final Map<String, String> swarms = new ConcurrentHashMap<>();
    private final Set<Long> videos = ConcurrentHashMap.newKeySet();
    private long minuteStart;
    private int messagesThisMinute;
    private final ArrayDeque<TrackerMessage> queued = new ArrayDeque<>();
    private boolean waiting;
    private volatile boolean closed;

    TrackerClient(Connection connection, String addressKey, LongSupplier clock) {
        this.connection = connection;
        this.addressKey = addressKey;
        this.clock = clock;
        this.minuteStart = clock.getAsLong();
    }

    @Override
    public void deliver(String message) {
        connection.send(message);
    }

    @Override
    public boolean isOpen() {
        return connection.isOpen();
    }

    void reply(String message) {
        connection.send(message);
    }

    String addressKey() {
        return addressKey;
    }

    /** Spends one message of this minute's budget; false if it is spent. */
    synchronized boolean spend(int perMinute) {
        long now = clock.getAsLong();
        if (now - minuteStart >= MINUTE_NANOS) {
            minuteStart = now;
            messagesThisMinute = 0;
        }
        if (messagesThisMinute >= perMinute) {
            return false;
        }
        messagesThisMinute++;
        return true;
    }

    /**
     * {@code GO} if the message may be handled now; otherwise it is queued behind a message that
     * waits for the database (or refused, the queue being full).
     */
    synchronized Queued queue(TrackerMessage message) {
        if (!waiting) {
            return Queued.GO;
        }
        if (queued.size() >= MAX_QUEUED) {
            return Queued.QUEUE_FULL;
        }
        queued.add(message);
        return Queued.QUEUED;
    }

    /** A message of this client waits for the database: later ones queue up behind it. */
    synchronized void waiting() {
        waiting = true;
    }

    /** The next queued message, or null: then nothing waits any more and messages go ahead again. */
    synchronized TrackerMessage nextQueued() {
        TrackerMessage next = queued.poll();
        if (next == null) {
            waiting = false;
        }
        return next;
    }

    /** The connection closed: set before the client leaves its swarms, so a late announce leaves too. */
    void closed() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    /** This client's peer id in the swarm, if it announced there. */
    String peerIdIn(String infoHash) {
        return swarms.get(infoHash);
    }

    void joined(String infoHash, String peerId) {
        swarms.put(infoHash, peerId);
    }

    void left(String infoHash) {
        swarms.remove(infoHash);
    }

    int swarmCount() {
        return swarms.size();
    }

    Map<String, String> swarms() {
        return Map.copyOf(swarms);
    }

    /** True the first time this client announces the video. */
    boolean firstAnnounceOf(long video) {
        return videos.add(video);
    }
}
