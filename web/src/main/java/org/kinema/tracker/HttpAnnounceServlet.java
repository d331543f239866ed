package org.kinema.tracker;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /tracker/announce}, which torrents list beside the WebSocket tracker: not served
 * (yet). Answers 400 with a bencoded {@code failure reason}, which BitTorrent clients show.
 */
@WebServlet("/tracker/announce")
public class HttpAnnounceServlet extends HttpServlet {

    static final String REASON = "HTTP tracker not supported; use the WebSocket tracker at /tracker/socket";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] reason = REASON.getBytes(StandardCharsets.UTF_8);
        byte[] body = ("d14:failure reason" + reason.length + ":" + REASON + "e").getBytes(StandardCharsets.UTF_8);
        response.setStatus(400);
        response.setContentType("text/plain");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
