package org.kinema.federation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.kinema.account.Caller;
import org.kinema.platform.DomainException;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;

/** The delivery queue as administrators see it: deliveries by state, and each remote host's state. */
@Stateless
public class DeliveryQueue {

    @Inject
    private DeliveryRepository deliveries;

    public PageResult<DeliveryJob> jobs(Caller caller, DeliveryState state, Page page, boolean oldestFirst) {
        requireAdministrator(caller);
        return deliveries.list(state, page, oldestFirst);
    }

    public PageResult<RemoteHostState> hosts(Caller caller, Page page) {
        requireAdministrator(caller);
        return deliveries.hosts(page);
    }

    private static void requireAdministrator(Caller caller) {
        if (!caller.isAdministrator()) {
            throw DomainException.forbidden("Only administrators see the job queue");
        }
    }
}
