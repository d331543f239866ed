package org.kinema.federation;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.kinema.actor.ActorRepository;
import org.kinema.platform.KinemaSettings;

/**
 * Makes sure the instance has its own actor, the Application PeerTube names {@code peertube}: other
 * instances follow this one through it, and it signs the instance's fetches.
 */
@Startup
@Singleton
@DependsOn("PublicUrlGuard")
public class ServerActor {

    @Inject
    private ActorRepository actors;

    @Inject
    private KinemaSettings settings;

    @PostConstruct
    void createIfMissing() {
        actors.application(settings.publicUrl());
    }
}
