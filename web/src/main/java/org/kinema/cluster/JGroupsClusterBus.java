package org.kinema.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.util.NameCache;
import org.kinema.platform.KinemaSettings;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cluster bus over the fork {@value #CHANNEL} of WildFly's JGroups channel (see
 * {@code wildfly-config/src/main/cli/50-cluster.cli}). Members are named by their WildFly node
 * names. Kinema's server configuration always has that channel; a node alone in its cluster sends
 * nothing.
 */
@ApplicationScoped
public class JGroupsClusterBus implements ClusterBus {

    private static final Logger LOG = Logger.getLogger(JGroupsClusterBus.class.getName());
    static final String CHANNEL = "java:jboss/jgroups/channel/kinema";
    private static final Topic[] TOPICS = Topic.values();

    @Inject
    private KinemaSettings settings;

    /** Each topic's subscriber, by the topic's ordinal; replaced whole when one subscribes. */
    private volatile Subscriber[] subscribers = new Subscriber[TOPICS.length];
    /** Injected, so that the deployment depends on it: WildFly starts the fork for Kinema then. */
    @Resource(lookup = CHANNEL)
    private JChannel channel;
    /** The members, replaced whole at every view. */
    private volatile Members members = new Members(List.of(), Map.of());

    /** Members' names, oldest first, and their addresses (none for a node without the channel). */
    private record Members(List<String> names, Map<String, Address> addresses) {
    }
    private String self;

    @PostConstruct
    void connect() {
        if (channel == null) {
            LOG.info(() -> "No cluster channel at " + CHANNEL + ": this node is a cluster of one");
            self = settings.nodeName();
            members = new Members(List.of(self), Map.of());
            return;
        }
        self = name(channel.getAddress());
        channel.setReceiver(new Receiver() {
            @Override
            public void receive(Message message) {
                deliver(message);
            }

            @Override
            public void viewAccepted(View view) {
                accept(view);
            }
        });
        accept(channel.getView());
    }

    @PreDestroy
    void disconnect() {
        if (channel != null) {
            channel.setReceiver(null);
        }
    }

    @Override
    public String self() {
        return self;
    }

    @Override
    public List<String> members() {
        return members.names();
    }

    @Override
    public boolean isMember(String node) {
        return members.names().contains(node);
    }

    @Override
    public void broadcast(Topic topic, byte[] payload) {
        if (channel != null && members.names().size() > 1) {
            transmit(null, topic, payload, false);
        }
    }

    @Override
    public void send(String member, Topic topic, byte[] payload) {
        send(member, topic, payload, false);
    }

    @Override
    public void sendUnordered(String member, Topic topic, byte[] payload) {
        send(member, topic, payload, true);
    }

    private void send(String member, Topic topic, byte[] payload, boolean unordered) {
        Address address = members.addresses().get(member);
        if (channel != null && address != null && !member.equals(self)) {
            transmit(address, topic, payload, unordered);
        }
    }

    private void transmit(Address to, Topic topic, byte[] payload, boolean unordered) {
        byte[] framed = new byte[payload.length + 1];
        framed[0] = (byte) topic.ordinal();
        System.arraycopy(payload, 0, framed, 1, payload.length);
        Message message = new BytesMessage(to, framed);
        message.setFlag(Message.TransientFlag.DONT_LOOPBACK);
        if (unordered) {
            // out of band: handled by any free thread at once, not after the sender's earlier messages
            message.setFlag(Message.Flag.OOB);
        }
        try {
            channel.send(message);
        } catch (Exception e) {
            // the member left, or the channel is closing: what it held in memory is gone with it
            LOG.log(Level.FINE, "Cluster: a message to " + (to == null ? "all" : to) + " was not sent", e);
        }
    }

    @Override
    public synchronized void subscribe(Topic topic, Subscriber subscriber) {
        Subscriber[] now = subscribers.clone();
        now[topic.ordinal()] = subscriber;
        subscribers = now;
    }

    private void deliver(Message message) {
        byte[] framed = message.getArray();
        int offset = message.getOffset();
        int length = message.getLength();
        if (length < 1 || framed[offset] < 0 || framed[offset] >= TOPICS.length) {
            return;
        }
        Subscriber subscriber = subscribers[framed[offset]];
        if (subscriber == null) {
            return;
        }
        byte[] payload = new byte[length - 1];
        System.arraycopy(framed, offset + 1, payload, 0, payload.length);
        try {
            subscriber.received(name(message.getSrc()), payload);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cluster: a message from " + message.getSrc() + " failed", e);
        }
    }

    /** A member's logical name: its WildFly node name. */
    private static String name(Address address) {
        String name = NameCache.get(address);
        return name != null ? name : String.valueOf(address);
    }

    private void accept(View view) {
        Map<String, Address> now = new LinkedHashMap<>();
        for (Address address : view.getMembers()) {
            now.put(name(address), address);
        }
        Set<String> before = members.addresses().keySet();
        Set<String> joined = new HashSet<>(now.keySet());
        joined.removeAll(before);
        joined.remove(self);
        Set<String> left = new HashSet<>(before);
        left.removeAll(now.keySet());
        members = new Members(List.copyOf(now.keySet()), Map.copyOf(now));
        LOG.info(() -> "Cluster members: " + now.keySet());
        if (joined.isEmpty() && left.isEmpty()) {
            return;
        }
        for (Subscriber subscriber : subscribers) {
            if (subscriber != null) {
                subscriber.membersChanged(Set.copyOf(joined), Set.copyOf(left));
            }
        }
    }
}
