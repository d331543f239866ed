package org.kinema.activitypub;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kinema.actor.Actor;
import org.kinema.actor.ActorType;
import org.kinema.federation.FederationService;
import org.kinema.platform.DomainException;
import org.kinema.platform.KinemaSettings;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Actors at their ActivityPub ids: accounts (Person) and the instance (Application) at
 * {@code /accounts/{name}}, channels (Group) at {@code /video-channels/{name}}, with their
 * outbox, followers and following collections and their inbox. A browser asking for an actor is
 * sent to the web client's page of it.
 */
@WebServlet(urlPatterns = {"/accounts/*", "/video-channels/*"})
public class ActorServlet extends HttpServlet {

    @Inject
    private FederationService federation;

    @Inject
    private InboxReceiver inbox;

    @Inject
    private KinemaSettings settings;

    /** The actor a path names, and what of it: "" for the actor itself, or a collection's or the inbox's name. */
    private record Target(String name, String part) {

        static Target of(HttpServletRequest request) {
            String info = request.getPathInfo();
            if (info == null || info.length() < 2) {
                return null;
            }
            String[] segments = info.substring(1).split("/", -1);
            if (segments.length > 2 || segments[0].isEmpty()) {
                return null;
            }
            return new Target(segments[0], segments.length == 2 ? segments[1] : "");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Target target = Target.of(request);
        boolean channels = request.getServletPath().equals("/video-channels");
        if (target == null) {
            ActivityStreams.refuse(request, response, 404, "Not found: " + request.getRequestURI());
            return;
        }
        if (target.part().isEmpty() && !ActivityStreams.wanted(request)) {
            response.setHeader("Vary", "Accept");
            response.sendRedirect(settings.publicUrl() + (channels ? "/c/" : "/a/")
                    + URLEncoder.encode(target.name(), StandardCharsets.UTF_8));
            return;
        }
        try {
            Actor actor = actor(target.name(), channels);
            DocumentMapper documents = new DocumentMapper(settings.publicUrl(), settings.trackerUrls());
            int page = ActivityStreams.page(request);
            switch (target.part()) {
                case "" -> ActivityStreams.write(response, switch (actor.type()) {
                    case Person -> documents.person(federation.account(actor));
                    case Group -> documents.group(federation.channel(actor));
                    case Application -> documents.application(actor);
                });
                case "outbox" -> ActivityStreams.write(response, CollectionDocument.of(actor.endpoints().outbox(), page,
                        federation.outbox(actor, Math.max(1, page)).map(video -> documents.outboxItem(actor, video))));
                case "followers" -> ActivityStreams.write(response, CollectionDocument.of(actor.endpoints().followers(), page,
                        federation.followers(actor, Math.max(1, page))));
                case "following" -> ActivityStreams.write(response, CollectionDocument.of(actor.endpoints().following(), page,
                        federation.following(actor, Math.max(1, page))));
                default -> ActivityStreams.refuse(request, response, 404, "Not found: " + request.getRequestURI());
            }
        } catch (DomainException e) {
            ActivityStreams.refuse(request, response, 404, e.getMessage());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Target target = Target.of(request);
        if (target == null || !target.part().equals("inbox")) {
            ActivityStreams.refuse(request, response, 405, "Only an actor's inbox takes a POST");
            return;
        }
        boolean channels = request.getServletPath().equals("/video-channels");
        if (federation.findLocal(target.name()).filter(found -> channels == (found.type() == ActorType.Group)).isEmpty()) {
            ActivityStreams.refuse(request, response, 404, "Actor not found");
            return;
        }
        inbox.receive(request, response);
    }

    /** A local actor of the kind the path says (a channel under /video-channels, an account or the instance otherwise). */
    private Actor actor(String name, boolean channel) {
        Actor actor = federation.localActor(name);
        if (channel != (actor.type() == ActorType.Group)) {
            throw DomainException.notFound("Actor not found");
        }
        return actor;
    }
}
