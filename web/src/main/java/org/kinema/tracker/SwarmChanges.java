package org.kinema.tracker;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.kinema.cluster.ClusterBus;
import org.kinema.swarm.TrackedSwarms;
import org.kinema.video.VideoEvents;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the cluster's other nodes when the swarms this instance serves change here (a video
 * published, deleted, or whose privacy changed), so that their trackers forget what they
 * remembered of it at once rather than when it times out: a video made private stops being
 * tracked on every node, not only on the one that changed it.
 */
@ApplicationScoped
public class SwarmChanges implements ClusterBus.Subscriber {

    private static final Logger LOG = Logger.getLogger(SwarmChanges.class.getName());
    private static final byte PUBLISHED = 1;
    private static final byte CHANGED = 2;

    @Inject
    private ClusterBus cluster;

    @Inject
    private TrackedSwarms swarms;

    @PostConstruct
    void listen() {
        cluster.subscribe(ClusterBus.Topic.SWARMS_SERVED, this);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // made with the application, so that it hears the other nodes from the start
    }

    void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) VideoEvents.Published event) {
        cluster.broadcast(ClusterBus.Topic.SWARMS_SERVED, Wire.message(PUBLISHED, out -> {
        }));
    }

    void privacyChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) VideoEvents.PrivacyChanged event) {
        changed(event.videoId());
    }

    void deleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) VideoEvents.Deleted event) {
        changed(event.videoId());
    }

    void failed(@Observes(during = TransactionPhase.AFTER_SUCCESS) VideoEvents.TranscodingFailed event) {
        if (event.withdrawn()) {
            changed(event.videoId());
        }
    }

    private void changed(long videoId) {
        cluster.broadcast(ClusterBus.Topic.SWARMS_SERVED, Wire.message(CHANGED, out -> out.writeLong(videoId)));
    }

    @Override
    public void received(String from, byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            switch (in.readByte()) {
                case PUBLISHED -> swarms.forgetUnknown();
                case CHANGED -> swarms.forget(in.readLong());
                default -> LOG.fine(() -> "Tracker: unknown swarm change from " + from);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Tracker: unreadable swarm change from " + from, e);
        }
    }

    @Override
    public void membersChanged(Set<String> joined, Set<String> left) {
        // nothing kept per node
    }
}
