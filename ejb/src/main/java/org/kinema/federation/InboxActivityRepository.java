package org.kinema.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The {@code inbox_activity} table: accepted activities waiting to be processed. */
@ApplicationScoped
public class InboxActivityRepository {

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    public void add(ReceivedActivity activity) {
        em.createNativeQuery("INSERT INTO kinema.inbox_activity (activity_id, type, actor_url, signer_url, inbox, body)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb))")
                .setParameter(1, activity.activityId())
                .setParameter(2, activity.type())
                .setParameter(3, activity.actorUrl())
                .setParameter(4, activity.signerUrl())
                .setParameter(5, activity.inbox())
                .setParameter(6, activity.body())
                .executeUpdate();
    }
}
