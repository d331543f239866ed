package org.kinema.instance;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.kinema.platform.KinemaSettings;

import java.util.logging.Logger;

/**
 * Keeps the instance's public URL once, in the database: every local actor's ActivityPub id is
 * built from it, and other servers know the instance by it. The first node to start stores its
 * KINEMA_PUBLIC_URL; a node configured with another one refuses to start, since the URLs it would
 * write and sign would name another server.
 */
@Startup
@Singleton
@DependsOn("NodeRegistry")
public class PublicUrlGuard {

    private static final Logger LOG = Logger.getLogger(PublicUrlGuard.class.getName());

    @Inject
    private KinemaSettings settings;

    @Inject
    private InstanceIdentityRepository identity;

    @PostConstruct
    void check() {
        String configured = settings.publicUrl();
        String stored = identity.publicUrl(configured);
        if (!stored.equals(configured)) {
            throw new IllegalStateException("KINEMA_PUBLIC_URL is " + configured + " but this instance's database belongs to "
                    + stored + ": every node of an instance serves the same public URL, which cannot change once"
                    + " other servers know it. Set KINEMA_PUBLIC_URL=" + stored);
        }
        LOG.info(() -> "This instance is " + stored);
    }
}
