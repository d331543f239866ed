package org.kinema.api.federation;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.platform.ListResponse;
import org.kinema.api.platform.Paging;
import org.kinema.federation.DeliveryQueue;
import org.kinema.federation.RemoteHostState;

/**
 * {@code GET /api/v1/federation/remote-hosts} (Kinema's own): each remote host ActivityPub
 * deliveries were queued for, how many wait, how many went, how often it failed in a row and
 * whether it is parked; for administrators.
 */
@Path("federation/remote-hosts")
@Produces(MediaType.APPLICATION_JSON)
public class RemoteHostResource {

    @Inject
    private DeliveryQueue queue;

    @Inject
    private CurrentUser currentUser;

    @GET
    public ListResponse<RemoteHostState> list(@QueryParam("start") String start, @QueryParam("count") String count) {
        return ListResponse.of(queue.hosts(currentUser.require(), Paging.page(start, count, null)), host -> host);
    }
}
