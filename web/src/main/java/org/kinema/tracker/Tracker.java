package org.kinema.tracker;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The WebTorrent tracker protocol, apart from any WebSocket API: a client connects, announces
 * swarms with WebRTC offers that go to random peers of the swarm, answers offers it received
 * (the answer goes back to the offering peer), scrapes swarms' counts, and leaves every swarm when
 * its connection closes. Every limit of {@link TrackerLimits} is applied here.
 */
public final class Tracker {

    static final String UNKNOWN_SWARM = "This tracker only tracks videos of this instance";
    static final String TOO_MANY_ANNOUNCES = "Too many announces; slow down";
    static final String TOO_MANY_SOCKETS = "Too many connections from your address";
    static final String TOO_MANY_SWARMS = "Too many swarms on one connection";
    static final String PEER_ID_TAKEN = "That peer_id is in use";
    static final String NOT_IN_SWARM = "Announce the swarm before answering in it";

    private final SwarmRegistry registry;
    private final Function<String, OptionalLong> servedVideo;
    private final TrackerLimits limits;
    private final ClientAddresses addresses;
    private final LongSupplier clock;

    /**
     * @param servedVideo the video whose swarm a (lowercase hex) info hash is, if this instance serves it
     */
    public Tracker(SwarmRegistry registry, Function<String, OptionalLong> servedVideo, TrackerLimits limits,
                   LongSupplier clock) {
        this.registry = registry;
        this.servedVideo = servedVideo;
        this.limits = limits;
        this.clock = clock;
        this.addresses = new ClientAddresses(limits.socketsPerAddress(), limits.alarmVideos(), limits.alarmWindow(), clock);
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
        if (message.isAnnounce()) {
            announce(client, message);
        } else {
            scrape(client, message);
        }
    }

    private void announce(TrackerClient client, TrackerMessage message) {
        String infoHash = message.infoHash();
        OptionalLong video = servedVideo.apply(TrackerMessage.hex(infoHash));
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
        for (int i = 0; i < peers.size(); i++) {
            peers.get(i).deliver(TrackerMessage.relayedOffer(message.infoHash(), message.peerId(),
                    message.offers().get(i)));
        }
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
            boolean served = servedVideo.apply(TrackerMessage.hex(infoHash)).isPresent();
            counts.add(served ? registry.counts(infoHash) : SwarmCounts.EMPTY);
        }
        client.reply(TrackerMessage.scrapeReply(message.infoHashes(), counts, limits.interval().toSeconds()));
    }

    /** Open connections from the address now (for tests and monitoring). */
    int connectionsFrom(InetAddress address) {
        return addresses.sockets(addresses.key(address));
    }
}
