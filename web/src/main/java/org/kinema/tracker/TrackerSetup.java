package org.kinema.tracker;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.kinema.platform.KinemaSettings;
import org.kinema.swarm.TrackedSwarms;

import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Makes this node's one {@link Tracker}: in-memory swarms, the served swarms of PostgreSQL (asked
 * on the container's managed executor when not in memory), the configured limits.
 */
@ApplicationScoped
public class TrackerSetup {

    private static final Logger LOG = Logger.getLogger(TrackerSetup.class.getName());

    @Inject
    private KinemaSettings settings;

    @Inject
    private TrackedSwarms trackedSwarms;

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
        return new Tracker(new InMemorySwarmRegistry(), served, executor, limits, System::nanoTime);
    }
}
