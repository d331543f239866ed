package org.kinema.tracker;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WebTorrent tracker protocol, apart from any WebSocket API: a client connects, announces
 * swarms with WebRTC offers that go to random peers of the swarm, answers offers it received
 * (the answer goes back to the offering peer), scrapes swarms' counts, and leaves every swarm when
 * its connection closes. Every limit of {@link TrackerLimits} is applied here.
 *
 * <p>Messages are handled on the thread that read them, which for the WebSocket endpoint is a
 * socket I/O thread: nothing here waits, except asking the database whether a swarm is served
 * when {@link ServedSwarms} does not know it from memory. That message, and every later one of
 * the same client until it is done, is handled on the {@code lookups} executor instead, in order.
 */
public final class Tracker {

    private static final Logger LOG = Logger.getLogger(Tracker.class.getName());

    static final String UNKNOWN_SWARM = "This tracker only tracks videos of this instance";
    static final String TOO_MANY_ANNOUNCES = "Too many announces; slow down";
    static final String TOO_MANY_SOCKETS = "Too many connections from your address";
    static final String TOO_MANY_SWARMS = "Too many swarms on one connection";
    static final String PEER_ID_TAKEN = "That peer_id is in use";
    static final String NOT_IN_SWARM = "Announce the swarm before answering in it";
    static final String UNAVAILABLE = "The tracker cannot answer now; try again later";

    private final SwarmRegistry registry;
    private final ServedSwarms served;
    private final Executor lookups;
    private final TrackerLimits limits;
    private final ClientAddresses addresses;
    private final LongSupplier clock;

    /**
     * @param served  which swarms this instance serves
     * @param lookups where messages wait for {@code served} to ask the database
     */
    public Tracker(SwarmRegistry registry, ServedSwarms served, Executor lookups, TrackerLimits limits,
                   LongSupplier clock) {
        this(registry, served, lookups, limits, clock,
                new ClientAddresses(limits.socketsPerAddress(), limits.alarmVideos(), limits.alarmWindow(), clock));
    }

    /**
     * A tracker of the cluster: swarms and addresses as its other nodes know them too, addresses
     * hashed with the instance's key {@code addressKey} (asked for at the first connection).
     */
    Tracker(ClusterSwarmRegistry registry, ServedSwarms served, Executor lookups, TrackerLimits limits,
            LongSupplier clock, Supplier<byte[]> addressKey, ClusterAddresses elsewhere) {
        this(registry, served, lookups, limits, clock, new ClientAddresses(addressKey, limits.socketsPerAddress(),
                limits.alarmVideos(), limits.alarmWindow(), clock, elsewhere));
        elsewhere.attach(addresses);
    }

    private Tracker(SwarmRegistry registry, ServedSwarms served, Executor lookups, TrackerLimits limits,
                    LongSupplier clock, ClientAddresses addresses) {
        this.registry = registry;
        this.served = served;
        this.lookups = lookups;
        this.limits = limits;
        this.clock = clock;
        this.addresses = addresses;
    }

    public TrackerLimits limits() {
        return limits;
    }

    /**
     * A connection opened from {@code address} (null if unknown: then it is limited on its own).
     * Returns the client, or nothing if the address has too many connections already: the
     * connection is then refused with a failure.
     */
    public Optional<TrackerClient> open(Connection connection, InetAddress address) {
        String key = addresses.key(address);
        if (!addresses.admit(key)) {
            connection.refuse(TrackerMessage.failure(null, null, TOO_MANY_SOCKETS));
            return Optional.empty();
        }
        return Optional.of(new TrackerClient(connection, key, clock));
    }

    /** The client's connection closed: it leaves every swarm. */
    public void close(TrackerClient client) {
        client.closed();
        for (Map.Entry<String, String> swarm : client.swarms().entrySet()) {
            registry.leave(swarm.getKey(), swarm.getValue(), client);
            client.left(swarm.getKey());
        }
        addresses.release(client.addressKey());
    }

    /** A text frame from the client. */
    public void receive(TrackerClient client, String text) {
        if (!client.spend(limits.announcesPerMinute())) {
            // not even read: an over-eager client costs no parsing
            client.reply(TrackerMessage.failure("announce", null, TOO_MANY_ANNOUNCES));
            return;
        }
        TrackerMessage message;
        try {
            message = TrackerMessage.parse(text);
        } catch (TrackerMessage.Invalid invalid) {
            client.reply(TrackerMessage.failure(invalid.action, invalid.infoHash, invalid.getMessage()));
            return;
        }
        switch (client.queue(message)) {
            case QUEUED -> {
                // an earlier message of this client waits for the database: this one follows it
            }
            case QUEUE_FULL -> client.reply(TrackerMessage.failure(message.action(), message.infoHash(), TOO_MANY_ANNOUNCES));
            case GO -> {
                if (message.infoHashes().stream().allMatch(hash -> served.knows(TrackerMessage.hex(hash)))) {
                    handle(client, message);
                } else {
                    lookUp(client, message);
                }
            }
        }
    }

    /** Handles the message, and every one the client sends meanwhile, where waiting for the database does no harm. */
    private void lookUp(TrackerClient client, TrackerMessage first) {
        client.waiting();
        Runnable handleInOrder = () -> {
            for (TrackerMessage message = first; message != null; message = client.nextQueued()) {
                try {
                    handle(client, message);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Tracker: cannot tell whether a swarm is served", e);
                    client.reply(TrackerMessage.failure(message.action(), message.infoHash(), UNAVAILABLE));
                }
            }
        };
        try {
            lookups.execute(handleInOrder);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "Tracker: no thread to ask the database on", e);
            for (TrackerMessage message = first; message != null; message = client.nextQueued()) {
                client.reply(TrackerMessage.failure(message.action(), message.infoHash(), UNAVAILABLE));
            }
        }
    }

    private void handle(TrackerClient client, TrackerMessage message) {
        if (message.isAnnounce()) {
            announce(client, message);
        } else {
            scrape(client, message);
        }
    }

    private void announce(TrackerClient client, TrackerMessage message) {
        String infoHash = message.infoHash();
        OptionalLong video = served.videoOf(TrackerMessage.hex(infoHash));
        if (video.isEmpty()) {
            client.reply(TrackerMessage.failure("announce", infoHash, UNKNOWN_SWARM));
            return;
        }
        if (message.isAnswer()) {
            answer(client, message);
            return;
        }
        if ("stopped".equals(message.event())) {
            String peerId = client.peerIdIn(infoHash);
            SwarmCounts counts = peerId == null ? registry.counts(infoHash) : registry.leave(infoHash, peerId, client);
            client.left(infoHash);
            client.reply(TrackerMessage.announceReply(infoHash, counts, limits.interval().toSeconds()));
            return;
        }
        String previous = client.peerIdIn(infoHash);
        if (previous == null && client.swarmCount() >= limits.swarmsPerSocket()) {
            client.reply(TrackerMessage.failure("announce", infoHash, TOO_MANY_SWARMS));
            return;
        }
        if (previous != null && !previous.equals(message.peerId())) {
            registry.leave(infoHash, previous, client);
        }
        SwarmRegistry.Joined joined = registry.join(infoHash, message.peerId(), client, message.seeding(),
                "completed".equals(message.event()));
        if (!(joined instanceof SwarmRegistry.Joined.Member member)) {
            client.left(infoHash);
            client.reply(TrackerMessage.failure("announce", infoHash, PEER_ID_TAKEN));
            return;
        }
        client.joined(infoHash, message.peerId());
        if (client.isClosed()) {
            // the connection closed while this announce waited for the database: it must not stay
            registry.leave(infoHash, message.peerId(), client);
            client.left(infoHash);
            return;
        }
        if (client.firstAnnounceOf(video.getAsLong())) {
            addresses.announced(client.addressKey(), video.getAsLong());
        }
        client.reply(TrackerMessage.announceReply(infoHash, member.counts(), limits.interval().toSeconds()));
        relayOffers(message);
    }

    private void relayOffers(TrackerMessage message) {
        if (message.offers().isEmpty()) {
            return;
        }
        int wanted = message.numwant() == null ? limits.peersPerAnswer() : Math.max(0, message.numwant());
        int count = Math.min(Math.min(wanted, limits.peersPerAnswer()), message.offers().size());
        List<Peer> peers = registry.randomPeers(message.infoHash(), message.peerId(), count);
        List<String> offers = new ArrayList<>(peers.size());
        for (int i = 0; i < peers.size(); i++) {
            offers.add(TrackerMessage.relayedOffer(message.infoHash(), message.peerId(), message.offers().get(i)));
        }
        registry.deliverAll(message.infoHash(), message.peerId(), peers, offers);
    }

    /** An answer to an offer goes to the offering peer; the answering one gets no reply. */
    private void answer(TrackerClient client, TrackerMessage message) {
        String infoHash = message.infoHash();
        if (!message.peerId().equals(client.peerIdIn(infoHash))) {
            client.reply(TrackerMessage.failure("announce", infoHash, NOT_IN_SWARM));
            return;
        }
        registry.peer(infoHash, message.toPeerId()).ifPresent(peer -> peer.deliver(
                TrackerMessage.relayedAnswer(infoHash, message.peerId(), message.answer(), message.offerId())));
    }

    private void scrape(TrackerClient client, TrackerMessage message) {
        List<SwarmCounts> counts = new ArrayList<>(message.infoHashes().size());
        for (String infoHash : message.infoHashes()) {
            boolean isServed = served.videoOf(TrackerMessage.hex(infoHash)).isPresent();
            counts.add(isServed ? registry.counts(infoHash) : SwarmCounts.EMPTY);
        }
        client.reply(TrackerMessage.scrapeReply(message.infoHashes(), counts, limits.interval().toSeconds()));
    }

    /** Open connections from the address now (for tests and monitoring). */
    int connectionsFrom(InetAddress address) {
        return addresses.sockets(addresses.key(address));
    }
}
