package org.kinema.activitypub;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kinema.federation.FederationService;
import org.kinema.platform.DomainException;
import org.kinema.platform.KinemaSettings;
import org.kinema.rating.RatingType;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /videos/watch/{uuid}} is both the watch page and the video's ActivityPub id: a request
 * for ActivityPub gets the Video object (public and unlisted videos only; others are not found)
 * or its likes and dislikes collections, any other goes on to the web client.
 */
@WebFilter("/videos/watch/*")
public class VideoObjectFilter extends HttpFilter {

    private static final Map<String, RatingType> RATINGS = Map.of("likes", RatingType.LIKE, "dislikes", RatingType.DISLIKE);

    @Inject
    private FederationService federation;

    @Inject
    private KinemaSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // the page and the object share the URL: a cache must keep them apart
        response.addHeader("Vary", "Accept");
        if (!ActivityStreams.wanted(request) || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            chain.doFilter(request, response);
            return;
        }
        String[] path = (request.getPathInfo() == null ? "" : request.getPathInfo()).replaceFirst("^/", "").split("/", -1);
        UUID uuid;
        try {
            uuid = UUID.fromString(path[0]);
        } catch (IllegalArgumentException e) {
            ActivityStreams.refuse(request, response, 404, "Video not found");
            return;
        }
        try {
            if (path.length == 1) {
                FederationService.FederatedVideo video = federation.video(uuid);
                ActivityStreams.write(response, new DocumentMapper(settings.publicUrl(), settings.trackerUrls()).video(video, true));
            } else if (path.length == 2 && RATINGS.containsKey(path[1])) {
                ratings(request, response, uuid, path[1]);
            } else {
                ActivityStreams.refuse(request, response, 404, "Not found: " + request.getRequestURI());
            }
        } catch (DomainException e) {
            ActivityStreams.refuse(request, response, 404, "Video not found");
        }
    }

    /** The likes or dislikes of a video: an OrderedCollection of the ratings' URLs. */
    private void ratings(HttpServletRequest request, HttpServletResponse response, UUID uuid, String name) throws IOException {
        String id = settings.publicUrl() + "/videos/watch/" + uuid + "/" + name;
        int page = ActivityStreams.page(request);
        ActivityStreams.write(response, CollectionDocument.of(id, page, federation.ratings(uuid, RATINGS.get(name), Math.max(1, page))));
    }
}
