package org.kinema.api.federation;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.platform.ListResponse;
import org.kinema.api.platform.Paging;
import org.kinema.federation.DeliveryJob;
import org.kinema.federation.DeliveryQueue;
import org.kinema.federation.DeliveryState;
import org.kinema.platform.DomainException;
import org.kinema.platform.Page;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * PeerTube's {@code GET /api/v1/jobs/{state}} over Kinema's ActivityPub delivery queue (every
 * delivery is PeerTube's {@code activitypub-http-unicast} job), for administrators.
 */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    static final String UNICAST = "activitypub-http-unicast";

    @Inject
    private DeliveryQueue queue;

    @Inject
    private CurrentUser currentUser;

    /** PeerTube's {@code Job}. */
    public record JobJson(long id, String state, String type, JobData data, String error, int progress,
                          OffsetDateTime createdAt, OffsetDateTime finishedOn, OffsetDateTime processedOn, int attempts) {
        static JobJson of(DeliveryJob job) {
            return new JobJson(job.id(), job.state().label(), UNICAST, new JobData(job.inboxUrl(), job.activityType()),
                    job.error(), job.finishedAt() == null ? 0 : 100, job.createdAt(), job.finishedAt(), job.processedAt(),
                    job.attempts());
        }
    }

    /** What a delivery job carries: its inbox and the type of its activity. */
    public record JobData(String uri, String activityType) {
    }

    @GET
    @Path("{state}")
    public ListResponse<JobJson> jobs(@PathParam("state") String state, @QueryParam("start") String start,
                                      @QueryParam("count") String count, @QueryParam("sort") String sort,
                                      @QueryParam("jobType") String jobType) {
        DeliveryState wanted = DeliveryState.of(state).orElseThrow(() -> DomainException.invalid(
                "Unknown job state " + state + ": one of active, waiting, delayed, completed, failed"));
        if (sort != null && !sort.equals("createdAt") && !sort.equals("-createdAt")) {
            throw DomainException.invalid("Unknown sort " + sort + ": createdAt or -createdAt");
        }
        Page page = Paging.page(start, count, sort);
        if (jobType != null && !jobType.equals(UNICAST)) {
            return new ListResponse<>(0, List.of());
        }
        return ListResponse.of(queue.jobs(currentUser.require(), wanted, page, "createdAt".equals(sort)), JobJson::of);
    }
}
