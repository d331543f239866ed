package org.kinema.activitypub;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import org.kinema.account.Caller;
import org.kinema.actor.Actor;
import org.kinema.api.platform.JsonMapper;
import org.kinema.federation.FederationService;
import org.kinema.federation.Outbox;
import org.kinema.platform.KinemaSettings;
import org.kinema.video.Video;
import org.kinema.video.VideoDraft;
import org.kinema.video.VideoEvents;
import org.kinema.video.VideoService;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A video's owner changes its description, or its ladder completes after it was published while
 * encoding, and its followers hear of it as PeerTube tells them: an {@code Update} whose object is
 * the video's whole document (as its watch URL serves it), by the video's account, to the remote
 * followers of its channel, its account and the instance. The document is written here, beside the
 * servlet that serves it, and the deliveries are queued in the transaction of the change (which is
 * why an edit goes through here: the EJB module sees no bean of this one; the completion's event
 * reaches the observer here). A video other servers do not see (private, internal, not yet
 * published) is not told of; one made private is retracted by a Delete, which the change itself queues.
 */
@ApplicationScoped
public class VideoUpdates {

    @Inject
    private VideoService videos;

    @Inject
    private FederationService federation;

    @Inject
    private Outbox outbox;

    @Inject
    private KinemaSettings settings;

    /** The activity: its context is the video's, which the object then leaves out. */
    record Update(@JsonProperty("@context") List<Object> context, List<String> to, List<String> cc, String type, String id,
                  String actor, VideoObject object) {
    }

    /** As {@link VideoService#describe}, and queues the Update for the video's followers in the same transaction. */
    @Transactional
    public void describe(Caller caller, String idOrUuid, VideoDraft changes, Path thumbnail, Path preview) {
        update(videos.describe(caller, idOrUuid, changes, thumbnail, preview));
    }

    /**
     * The ladder of a video published while it encoded is complete: its followers, told of it with
     * its playlist alone, get its files and torrents (observed in the completing transaction).
     */
    void completed(@Observes VideoEvents.Published published) {
        if (published.complete() && !published.first()) {
            update(published.uuid());
        }
    }

    private void update(UUID uuid) {
        Optional<FederationService.FederatedVideo> seen = federation.federatedVideo(uuid);
        if (seen.isEmpty()) {
            return; // not seen by other servers
        }
        FederationService.FederatedVideo federated = seen.get();
        Video video = federated.video();
        Actor account = video.channel().account().actor();
        List<String> inboxes = outbox.publisherFollowers(video.channel().actor().id(), account.id());
        if (inboxes.isEmpty()) {
            return;
        }
        VideoObject document = new DocumentMapper(settings.publicUrl(), settings.trackerUrls()).video(federated, false);
        Update update = new Update(JsonLd.VIDEO, document.to(), document.cc(), "Update",
                document.id() + "/updates/" + Instant.now().truncatedTo(ChronoUnit.MILLIS), account.url(), document);
        outbox.send(account, json(update), inboxes);
    }

    private static JsonObject json(Update update) {
        try {
            return Json.createReader(new StringReader(JsonMapper.mapper().writeValueAsString(update))).readObject();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A video's Update cannot be written", e);
        }
    }
}
