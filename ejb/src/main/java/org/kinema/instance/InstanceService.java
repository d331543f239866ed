package org.kinema.instance;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.kinema.account.Caller;
import org.kinema.platform.DomainException;

import java.util.function.Consumer;

/** Reads and changes the instance's settings. */
@Stateless
public class InstanceService {

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    public InstanceSettings settings() {
        return em.find(InstanceSettings.class, InstanceSettings.THE_ONLY_ID);
    }

    /** Applies an administrator's changes; concurrent changes on other nodes wait their turn. */
    public InstanceSettings change(Caller caller, Consumer<InstanceSettings> changes) {
        if (!caller.isAdministrator()) {
            throw DomainException.forbidden("Only administrators change the instance's settings");
        }
        InstanceSettings settings = em.find(InstanceSettings.class, InstanceSettings.THE_ONLY_ID, LockModeType.PESSIMISTIC_WRITE);
        changes.accept(settings);
        return settings;
    }
}
