package org.kinema.activitypub;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kinema.api.platform.JsonMapper;
import org.kinema.api.platform.Problem;

import java.io.IOException;
import java.util.Locale;

/** Content negotiation between the web page and ActivityPub, and the writing of documents and refusals. */
final class ActivityStreams {

    static final String MEDIA_TYPE = "application/activity+json; charset=utf-8";

    private ActivityStreams() {
    }

    /**
     * Whether a request asks for ActivityPub: {@code application/activity+json} or
     * {@code application/ld+json} (with or without the ActivityStreams profile), unless it prefers
     * HTML by naming it first, as browsers do.
     */
    static boolean wanted(String accept) {
        if (accept == null) {
            return false;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        int activity = first(lower.indexOf("application/activity+json"), lower.indexOf("application/ld+json"));
        if (activity < 0) {
            return false;
        }
        int html = lower.indexOf("text/html");
        return html < 0 || activity < html;
    }

    static boolean wanted(HttpServletRequest request) {
        return wanted(request.getHeader("Accept"));
    }

    private static int first(int a, int b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    static void write(HttpServletResponse response, Object document) throws IOException {
        write(response, MEDIA_TYPE, document);
    }

    static void write(HttpServletResponse response, String contentType, Object document) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Vary", "Accept");
        JsonMapper.mapper().writeValue(response.getOutputStream(), document);
    }

    /** PeerTube's JSON error, whatever the request asked for. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String detail) throws IOException {
        Problem.of(status, detail, null, request.getRequestURI()).writeTo(response, !"HEAD".equals(request.getMethod()));
    }

    /** The page number of a collection request ({@code ?page=N}), or 0 for the collection itself. */
    static int page(HttpServletRequest request) {
        String page = request.getParameter("page");
        if (page == null) {
            return 0;
        }
        try {
            return Math.max(1, Math.min(Integer.parseInt(page), 100_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
