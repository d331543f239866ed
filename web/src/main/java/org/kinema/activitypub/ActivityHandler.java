package org.kinema.activitypub;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kinema.api.platform.JsonMapper;
import org.kinema.federation.ClaimedActivity;
import org.kinema.federation.FederationService;
import org.kinema.federation.InboxProcessing;
import org.kinema.platform.DomainException;
import org.kinema.rating.RatingType;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Does what an accepted activity asks, in PeerTube's vocabulary: Follow, Undo, Accept, Reject,
 * Announce, Create, Update, Delete, Like, Dislike, View. Reads the activity's JSON-LD, fetches
 * what it only names (a video, its channel and account, a followed actor's outbox) and hands the
 * domain what it says. Types this instance does not act on are taken and ignored.
 */
@ApplicationScoped
public class ActivityHandler {

    private static final Logger LOG = Logger.getLogger(ActivityHandler.class.getName());
    /** How many pages of a followed actor's outbox are read after a follow is accepted. */
    private static final int BACKFILL_PAGES = 10;
    /** The most views one View activity may add (Kinema sends a video's views every 20 s at most). */
    static final int MOST_VIEWS_PER_ACTIVITY = 100_000;

    @Inject
    private InboxProcessing processing;

    @Inject
    private RemoteObjects remote;

    @Inject
    private RemoteFetcher fetcher;

    @Inject
    private FederationService federation;

    public void handle(ClaimedActivity claimed) throws RemoteFetcher.Refused {
        JsonNode activity;
        try {
            activity = JsonMapper.mapper().readTree(claimed.body());
        } catch (IOException e) {
            throw DomainException.invalid("not JSON");
        }
        String actor = claimed.actorUrl();
        JsonNode object = activity.path("object");
        switch (claimed.type()) {
            case "Follow" -> {
                known(actor);
                processing.followed(actor, id(object), text(activity.path("id")), claimed.body());
            }
            case "Undo" -> undo(actor, object);
            case "Accept" -> {
                Optional<String> outbox = processing.followAccepted(actor, id(object), text(object.path("actor")));
                if (outbox.isPresent()) {
                    backfill(outbox.get());
                }
            }
            case "Reject" -> processing.followRejected(actor, id(object));
            case "Announce" -> {
                String url = id(object);
                if (url != null && !remote.knowsVideo(url)) {
                    remote.video(url);
                }
            }
            case "Create", "Update" -> created(actor, object);
            case "Delete" -> {
                String url = id(object);
                if (url != null) {
                    processing.videoDeleted(url, actor);
                }
            }
            case "Like" -> rated(actor, object, RatingType.LIKE, text(activity.path("id")));
            case "Dislike" -> rated(actor, object, RatingType.DISLIKE, text(activity.path("id")));
            case "View" -> {
                String url = id(object);
                if (url != null) {
                    processing.viewed(url, text(activity.path("id")), viewsIn(activity));
                }
            }
            default -> LOG.fine(() -> "Ignored a " + claimed.type() + " from " + actor);
        }
    }

    /**
     * How many views a View stands for: one, unless it carries PeerTube's {@code views} term as
     * Kinema's bulk views do; at most {@value #MOST_VIEWS_PER_ACTIVITY}, so that one activity cannot
     * make a video's count whatever its sender likes.
     */
    static int viewsIn(JsonNode view) {
        JsonNode views = view.path("views");
        if (!views.canConvertToLong() || !views.isIntegralNumber()) {
            return 1;
        }
        return (int) Math.max(1, Math.min(MOST_VIEWS_PER_ACTIVITY, views.asLong()));
    }

    private void undo(String actor, JsonNode object) {
        String type = text(object.path("type"));
        if ("Follow".equals(type)) {
            processing.unfollowed(actor, id(object), id(object.path("object")));
        } else if ("Like".equals(type) || "Dislike".equals(type)) {
            rated(actor, object.path("object"), RatingType.NONE, null);
        }
    }

    private void created(String actor, JsonNode object) throws RemoteFetcher.Refused {
        String type = text(object.path("type"));
        String id = id(object);
        if (id == null || !RemoteFetcher.sameHost(java.net.URI.create(actor), id)) {
            throw DomainException.forbidden("An actor creates objects on its own host only");
        }
        if ("Video".equals(type)) {
            remote.video(id);
        } else if ("Note".equals(type)) {
            String author = id(object.path("attributedTo"));
            if (author == null || !author.equals(actor)) {
                throw DomainException.forbidden("A note is created by its author");
            }
            known(author);
            processing.commented(id, author, id(object.path("inReplyTo")), text(object.path("content")));
        }
    }

    private void rated(String actor, JsonNode object, RatingType type, String ratingUrl) {
        String video = object.isTextual() ? object.asText() : id(object);
        if (video != null) {
            processing.rated(actor, video, type, ratingUrl);
        }
    }

    /** Reads what a followed actor published: its outbox's items, Announces of video URLs or Creates of videos. */
    private void backfill(String outboxUrl) {
        try {
            JsonNode outbox = fetcher.document(outboxUrl);
            String next = id(outbox.path("first"));
            for (int page = 0; next != null && page < BACKFILL_PAGES; page++) {
                JsonNode items = fetcher.document(next);
                for (JsonNode item : items.path("orderedItems")) {
                    String video = id(item.path("object"));
                    if (video == null || remote.knowsVideo(video)) {
                        continue;
                    }
                    try {
                        remote.video(video);
                    } catch (RemoteFetcher.Refused | RuntimeException e) {
                        LOG.log(Level.FINE, "Skipped " + video + " of " + outboxUrl, e);
                    }
                }
                String following = id(items.path("next"));
                next = following == null || following.equals(next) ? null : following;
            }
        } catch (RemoteFetcher.Refused e) {
            LOG.info(() -> "Could not read the outbox " + outboxUrl + ": " + e.getMessage());
        }
    }

    /** The actor is cached (the inbox cached the signer; a failed cache is read again here). */
    private void known(String actor) throws RemoteFetcher.Refused {
        if (federation.cachedActor(actor).isEmpty()) {
            remote.actor(actor);
        }
    }

    /** An object's id: the URL itself, or the object's {@code id}. */
    private static String id(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        return text(node.path("id"));
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
