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

import java.io.IOException;
import java.util.UUID;

/**
 * {@code /videos/watch/{uuid}} is both the watch page and the video's ActivityPub id: a request
 * for ActivityPub gets the Video object (public and unlisted videos only; others are not found),
 * any other goes on to the web client.
 */
@WebFilter("/videos/watch/*")
public class VideoObjectFilter extends HttpFilter {

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
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        UUID uuid;
        try {
            uuid = UUID.fromString(info.startsWith("/") ? info.substring(1) : info);
        } catch (IllegalArgumentException e) {
            ActivityStreams.refuse(request, response, 404, "Video not found");
            return;
        }
        try {
            FederationService.FederatedVideo video = federation.video(uuid);
            ActivityStreams.write(response, new DocumentMapper(settings.publicUrl(), settings.trackerUrls()).video(video, true));
        } catch (DomainException e) {
            ActivityStreams.refuse(request, response, 404, "Video not found");
        }
    }
}
