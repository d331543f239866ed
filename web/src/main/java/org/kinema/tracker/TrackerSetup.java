package org.kinema.tracker;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.kinema.cluster.ClusterBus;
import org.kinema.instance.InstanceSecrets;
import org.kinema.instance.SecretPurpose;
import org.kinema.platform.KinemaSettings;
import org.kinema.swarm.TrackedSwarms;

import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Makes this node's one {@link Tracker}: swarms and address counts of the whole cluster
 * ({@link ClusterSwarmRegistry}, {@link ClusterAddresses}, addresses hashed with the instance's key),
 * the served swarms of PostgreSQL (asked on the container's managed executor when not in memory),
 * the configured limits. {@link TrackerStart} makes it when the application starts.
 */
@ApplicationScoped
public class TrackerSetup {

    private static final Logger LOG = Logger.getLogger(TrackerSetup.class.getName());

    @Inject
    private KinemaSettings settings;

    @Inject
    private TrackedSwarms trackedSwarms;

    @Inject
    private ClusterBus cluster;

    @Inject
    private InstanceSecrets secrets;

    @Resource
    private ManagedExecutorService executor;


    @Produces
    @Singleton
    Tracker tracker() {
        TrackerLimits limits = TrackerLimits.from(settings::value);
        LOG.info(() -> "Tracker limits: " + limits);
        ServedSwarms served = new ServedSwarms() {
            @Override
            public boolean knows(String infoHashHex) {
                return trackedSwarms.isCached(infoHashHex);
            }

            @Override
            public OptionalLong videoOf(String infoHashHex) {
                return trackedSwarms.videoOf(infoHashHex);
            }
        };
        return new Tracker(new ClusterSwarmRegistry(cluster), served, executor, limits, System::nanoTime,
                // asked at the first connection: an EJB must not be called while the application starts
                () -> secrets.key(SecretPurpose.TRACKER_ADDRESSES), new ClusterAddresses(cluster));
    }
}
