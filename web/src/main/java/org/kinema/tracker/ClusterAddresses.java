package org.kinema.tracker;

import org.kinema.cluster.ClusterBus;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the other nodes know of client addresses, for the limits that hold cluster-wide: each
 * node tells the others how many tracker sockets an address (its salted hash, the same on every
 * node) holds there whenever that changes, and which videos an address announced, so that the
 * per-address socket cap and the crawler alarm count the whole cluster. A node that leaves takes
 * its counts with it; one that starts asks the others for theirs.
 */
final class ClusterAddresses implements ClientAddresses.Elsewhere, ClusterBus.Subscriber {

    private static final Logger LOG = Logger.getLogger(ClusterAddresses.class.getName());

    private static final byte SOCKETS = 1;
    private static final byte ANNOUNCED = 2;
    private static final byte SNAPSHOT_WANTED = 3;

    private final ClusterBus bus;
    /** Address keys to the sockets each other node holds for them. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Integer>> sockets = new ConcurrentHashMap<>();
    private volatile ClientAddresses here;

    ClusterAddresses(ClusterBus bus) {
        this.bus = bus;
    }

    /** Starts listening for {@code addresses}, this node's, and asks the others for their counts. */
    void attach(ClientAddresses addresses) {
        here = addresses;
        bus.subscribe(ClusterBus.Topic.TRACKER_ADDRESSES, this);
        bus.broadcast(ClusterBus.Topic.TRACKER_ADDRESSES, Wire.message(SNAPSHOT_WANTED, out -> {
        }));
    }

    @Override
    public int sockets(String key) {
        Map<String, Integer> byNode = sockets.get(key);
        if (byNode == null) {
            return 0;
        }
        int total = 0;
        for (int count : byNode.values()) {
            total += count;
        }
        return total;
    }

    @Override
    public void socketsHere(String key, int count) {
        bus.broadcast(ClusterBus.Topic.TRACKER_ADDRESSES, socketsMessage(key, count));
    }

    @Override
    public void announced(String key, long video) {
        bus.broadcast(ClusterBus.Topic.TRACKER_ADDRESSES, Wire.message(ANNOUNCED, out -> {
            out.writeUTF(key);
            out.writeLong(video);
        }));
    }

    private static byte[] socketsMessage(String key, int count) {
        return Wire.message(SOCKETS, out -> {
            out.writeUTF(key);
            out.writeInt(count);
        });
    }

    @Override
    public void received(String from, byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            switch (in.readByte()) {
                case SOCKETS -> {
                    String key = in.readUTF();
                    int count = in.readInt();
                    if (count > 0) {
                        sockets.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(from, count);
                    } else {
                        sockets.computeIfPresent(key, (k, byNode) -> {
                            byNode.remove(from);
                            return byNode.isEmpty() ? null : byNode;
                        });
                    }
                }
                case ANNOUNCED -> {
                    ClientAddresses addresses = here;
                    if (addresses != null) {
                        addresses.announcedElsewhere(in.readUTF(), in.readLong());
                    }
                }
                case SNAPSHOT_WANTED -> {
                    ClientAddresses addresses = here;
                    if (addresses != null) {
                        addresses.socketCounts().forEach((key, count) -> bus.send(from,
                                ClusterBus.Topic.TRACKER_ADDRESSES, socketsMessage(key, count)));
                    }
                }
                default -> LOG.fine(() -> "Tracker: unknown address message from " + from);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Tracker: unreadable address message from " + from, e);
        }
    }

    @Override
    public void membersChanged(Set<String> joined, Set<String> left) {
        if (left.isEmpty()) {
            return;
        }
        for (String key : sockets.keySet()) {
            sockets.computeIfPresent(key, (k, byNode) -> {
                byNode.keySet().removeAll(left);
                return byNode.isEmpty() ? null : byNode;
            });
        }
    }
}
