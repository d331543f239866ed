package org.kinema.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.kinema.actor.Actor;
import org.kinema.actor.ActorRepository;
import org.kinema.platform.KinemaSettings;
import org.kinema.video.Privacy;
import org.kinema.video.Video;
import org.kinema.video.VideoEvents;
import org.kinema.video.VideoRepository;

import java.util.List;

/**
 * Tells followers of a newly published public video as PeerTube does: an {@code Announce} whose
 * object is the video's URL, by its channel and by the instance's actor, to the remote followers of
 * the channel, the account and the instance (each follower then fetches the video, signed). A video
 * published while its ladder is encoded is announced then, with its playlist and no files yet;
 * the Update of its complete document follows (sent by the web module, which writes documents).
 * Runs in the publishing transaction, so the deliveries are queued exactly when the video is published.
 */
@ApplicationScoped
public class VideoAnnouncer {

    @Inject
    private VideoRepository videos;

    @Inject
    private ActorRepository actors;

    @Inject
    private Outbox outbox;

    @Inject
    private KinemaSettings settings;

    public void published(@Observes VideoEvents.Published published) {
        if (!published.first()) {
            return; // its ladder completed: an Update, not a second announce
        }
        Video video = videos.find(published.videoId()).orElse(null);
        if (video == null || video.privacy() != Privacy.PUBLIC || !video.isPublished()) {
            return;
        }
        Actor channel = video.channel().actor();
        Actor account = video.channel().account().actor();
        Actor server = actors.application(settings.publicUrl());
        List<String> inboxes = outbox.publisherFollowers(channel.id(), account.id());
        if (inboxes.isEmpty()) {
            return;
        }
        String url = settings.publicUrl() + "/videos/watch/" + video.uuid();
        JsonArray to = Json.createArrayBuilder().add(Activities.PUBLIC).add(Activities.followers(channel))
                .add(Activities.followers(server)).add(Activities.followers(account)).build();
        outbox.send(channel, announce(channel, url, to), inboxes);
        outbox.send(server, announce(server, url, to), inboxes);
    }

    static JsonObject announce(Actor by, String videoUrl, JsonArray to) {
        return Json.createObjectBuilder()
                .add("@context", Activities.context())
                .add("to", to)
                .add("cc", Json.createArrayBuilder())
                .add("type", "Announce")
                .add("id", videoUrl + "/announces/" + by.id())
                .add("actor", by.url())
                .add("object", videoUrl)
                .build();
    }
}
