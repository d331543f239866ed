package org.kinema.tracker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Swarms in this JVM's memory: a concurrent map of swarms, each a small monitor holding its
 * peers both in a list (for picking random peers in O(1)) and by id. A swarm disappears with its
 * last peer, and with it everything the tracker knew of it.
 */
public final class InMemorySwarmRegistry implements SwarmRegistry {

    private final ConcurrentHashMap<String, Swarm> swarms = new ConcurrentHashMap<>();

    @Override
    public Joined join(String infoHash, String peerId, Peer peer, boolean seeding, boolean justCompleted) {
        while (true) {
            Swarm swarm = swarms.computeIfAbsent(infoHash, key -> new Swarm());
            synchronized (swarm) {
                if (swarm.gone) {
                    continue;
                }
                return swarm.join(peerId, peer, seeding, justCompleted);
            }
        }
    }

    @Override
    public SwarmCounts leave(String infoHash, String peerId, Peer peer) {
        Swarm swarm = swarms.get(infoHash);
        if (swarm == null) {
            return SwarmCounts.EMPTY;
        }
        synchronized (swarm) {
            swarm.leave(peerId, peer);
            if (swarm.members.isEmpty() && !swarm.gone) {
                swarm.gone = true;
                swarms.remove(infoHash, swarm);
            }
            return swarm.counts();
        }
    }

    @Override
    public List<Peer> randomPeers(String infoHash, String except, int count) {
        Swarm swarm = swarms.get(infoHash);
        if (swarm == null || count <= 0) {
            return List.of();
        }
        synchronized (swarm) {
            return swarm.randomPeers(except, count);
        }
    }

    @Override
    public Optional<Peer> peer(String infoHash, String peerId) {
        Swarm swarm = swarms.get(infoHash);
        if (swarm == null) {
            return Optional.empty();
        }
        synchronized (swarm) {
            Member member = swarm.byId.get(peerId);
            return member == null ? Optional.empty() : Optional.of(member.peer);
        }
    }

    @Override
    public SwarmCounts counts(String infoHash) {
        Swarm swarm = swarms.get(infoHash);
        if (swarm == null) {
            return SwarmCounts.EMPTY;
        }
        synchronized (swarm) {
            return swarm.counts();
        }
    }

    @Override
    public int swarmCount() {
        return swarms.size();
    }

    /** Someone who takes the registry's peers one by one. */
    @FunctionalInterface
    public interface PeerVisitor {
        void visit(String infoHash, String peerId, Peer peer, boolean seeding);
    }

    /** Every peer of every swarm now (each swarm as it is when its turn comes). */
    public void forEach(PeerVisitor visitor) {
        for (Map.Entry<String, Swarm> entry : swarms.entrySet()) {
            List<Member> members;
            Swarm swarm = entry.getValue();
            synchronized (swarm) {
                members = new ArrayList<>(swarm.members.size());
                for (Member member : swarm.members) {
                    members.add(new Member(member.peerId, member.peer, member.seeding, member.index));
                }
            }
            for (Member member : members) {
                visitor.visit(entry.getKey(), member.peerId, member.peer, member.seeding);
            }
        }
    }

    private static final class Member {
        final String peerId;
        Peer peer;
        boolean seeding;
        int index;

        Member(String peerId, Peer peer, boolean seeding, int index) {
            this.peerId = peerId;
            this.peer = peer;
            this.seeding = seeding;
            this.index = index;
        }
    }

    /** One swarm; every method runs holding its monitor. */
    private static final class Swarm {
        final List<Member> members = new ArrayList<>();
        final Map<String, Member> byId = new HashMap<>();
        int seeders;
        long downloaded;
        boolean gone;

        Joined join(String peerId, Peer peer, boolean seeding, boolean justCompleted) {
            Member member = byId.get(peerId);
            boolean news = member == null || justCompleted;
            if (member == null) {
                member = new Member(peerId, peer, false, members.size());
                members.add(member);
                byId.put(peerId, member);
            } else if (member.peer != peer) {
                if (member.peer.isOpen()) {
                    return new Joined.PeerIdTaken();
                }
                member.peer = peer;
            }
            if (justCompleted) {
                downloaded++;
            }
            boolean nowSeeding = seeding || justCompleted || member.seeding;
            if (nowSeeding != member.seeding) {
                member.seeding = nowSeeding;
                seeders += nowSeeding ? 1 : -1;
                news = true;
            }
            return new Joined.Member(counts(), news);
        }

        void leave(String peerId, Peer peer) {
            Member member = byId.get(peerId);
            if (member == null || member.peer != peer) {
                return;
            }
            byId.remove(peerId);
            Member last = members.remove(members.size() - 1);
            if (last != member) {
                members.set(member.index, last);
                last.index = member.index;
            }
            if (member.seeding) {
                seeders--;
            }
        }

        List<Peer> randomPeers(String except, int count) {
            int size = members.size();
            Member self = except == null ? null : byId.get(except);
            int others = size - (self == null ? 0 : 1);
            if (others <= 0) {
                return List.of();
            }
            List<Peer> chosen = new ArrayList<>(Math.min(count, others));
            if (others <= count) {
                for (Member member : members) {
                    if (member != self) {
                        chosen.add(member.peer);
                    }
                }
                return chosen;
            }
            // count < others: draw distinct positions without copying the swarm
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int[] picked = new int[count];
            int found = 0;
            while (found < count) {
                int index = random.nextInt(size);
                if (self != null && index == self.index || contains(picked, found, index)) {
                    continue;
                }
                picked[found++] = index;
                chosen.add(members.get(index).peer);
            }
            return chosen;
        }

        SwarmCounts counts() {
            return new SwarmCounts(seeders, members.size() - seeders, downloaded);
        }

        private static boolean contains(int[] values, int length, int value) {
            for (int i = 0; i < length; i++) {
                if (values[i] == value) {
                    return true;
                }
            }
            return false;
        }
    }
}
