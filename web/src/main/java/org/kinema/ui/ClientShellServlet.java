package org.kinema.ui;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Answers the web client's routes with its HTML shell, so that a reload or a shared link of
 * {@code /w/abc} opens the client, which then routes in the browser. Only these paths are the
 * client's: every other unknown path stays PeerTube's JSON 404. The embed page has a shell of
 * its own.
 */
@WebServlet(urlPatterns = {"", "/w/*", "/videos/watch/*", "/c/*", "/a/*", "/videos/upload", "/videos/subscriptions", "/search",
        "/login", "/my-videos", "/my-account/*", "/my-library/*", "/admin/*", "/videos/embed/*"})
public class ClientShellServlet extends HttpServlet {

    static final String SHELL = "/index.html";
    static final String EMBED_SHELL = "/embed.html";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String path = request.getServletPath();
        byte[] html = read("/videos/embed".equals(path) ? EMBED_SHELL : SHELL);
        if (html == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String etag = '"' + digest(html) + '"';
        StaticCacheFilter.htmlHeaders(response, "/videos/embed".equals(path));
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(html.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(html);
        }
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        doGet(request, response);
    }

    private byte[] read(String resource) throws IOException {
        try (InputStream in = getServletContext().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static String digest(byte[] content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            return Integer.toHexString(new String(content, StandardCharsets.UTF_8).hashCode());
        }
    }
}
