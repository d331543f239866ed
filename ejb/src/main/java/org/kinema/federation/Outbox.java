package org.kinema.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.kinema.actor.Actor;
import org.kinema.actor.ActorRepository;
import org.kinema.platform.KinemaSettings;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sends activities to other servers: queues them in the transaction of the change they tell of (a
 * transactional outbox), one delivery per inbox; the delivery workers send them after the commit.
 * An inbox that is not an http(s) URL is skipped: a remote actor's bad document must not undo a local change.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    @Inject
    private DeliveryRepository deliveries;

    @Inject
    private FederationService federation;

    @Inject
    private Event<DeliveriesQueued> queued;

    @Inject
    private ActorRepository actors;

    @Inject
    private KinemaSettings settings;

    /**
     * The inboxes of the remote followers of what a local channel publishes: the channel's, its
     * account's and this instance's (a shared inbox once for all its actors).
     */
    public List<String> publisherFollowers(long channelActorId, long accountActorId) {
        Actor server = actors.application(settings.publicUrl());
        return deliveries.followerInboxes(List.of(channelActorId, accountActorId, server.id()));
    }

    /** Queues the activity, signed by {@code signer}, for each inbox once; returns how many were queued. */
    public int send(Actor signer, JsonObject activity, Collection<String> inboxes) {
        Actor keyed = federation.withKeys(signer);
        String body = activity.toString();
        String type = activity.getString("type", "Activity");
        List<DeliveryRepository.Recipient> recipients = new ArrayList<>();
        for (String inbox : new LinkedHashSet<>(inboxes)) {
            String host = hostOf(inbox);
            if (host != null) {
                recipients.add(new DeliveryRepository.Recipient(host, inbox));
            }
        }
        deliveries.add(recipients, keyed.id(), type, body);
        int count = recipients.size();
        if (count > 0) {
            queued.fire(new DeliveriesQueued(count));
        }
        return count;
    }

    private static String hostOf(String inbox) {
        try {
            URI uri = URI.create(inbox);
            String scheme = uri.getScheme();
            if (uri.getHost() != null && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                return PublicAddresses.authority(uri);
            }
        } catch (IllegalArgumentException e) {
            // skipped below
        }
        LOG.warning(() -> "Not an inbox URL, skipped: " + inbox);
        return null;
    }
}
