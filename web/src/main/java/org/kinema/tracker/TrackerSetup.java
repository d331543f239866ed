package org.kinema.tracker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.kinema.platform.KinemaSettings;
import org.kinema.swarm.TrackedSwarms;

import java.util.logging.Logger;

/** Makes this node's one {@link Tracker}: in-memory swarms, the served swarms of PostgreSQL, the configured limits. */
@ApplicationScoped
public class TrackerSetup {

    private static final Logger LOG = Logger.getLogger(TrackerSetup.class.getName());

    @Inject
    private KinemaSettings settings;

    @Inject
    private TrackedSwarms trackedSwarms;

    @Produces
    @Singleton
    Tracker tracker() {
        TrackerLimits limits = TrackerLimits.from(settings::value);
        LOG.info(() -> "Tracker limits: " + limits);
        return new Tracker(new InMemorySwarmRegistry(), trackedSwarms::videoOf, limits, System::nanoTime);
    }
}
