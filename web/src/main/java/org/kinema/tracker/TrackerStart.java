package org.kinema.tracker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Makes the tracker when the application starts rather than at the first browser's connection:
 * it asks the other nodes for their swarms then, so that they are known before anyone announces.
 */
@ApplicationScoped
public class TrackerStart {

    @Inject
    private Tracker tracker;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        tracker.limits();
    }
}
