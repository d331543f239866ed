package org.kinema.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Caching of the client's static files. They carry no content hash in their names (there is no
 * bundler), so browsers revalidate them on each use and get a cheap 304 when nothing changed;
 * the container's default servlet answers conditional requests with {@code Last-Modified}.
 */
@WebFilter(urlPatterns = {"/css/*", "/js/*", "/img/*", "/index.html", "/embed.html", "/favicon.ico"})
public class StaticCacheFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        if (path.endsWith(".html")) {
            htmlHeaders(response, path.equals(ClientShellServlet.EMBED_SHELL));
        } else {
            response.setHeader("Cache-Control", "public, no-cache");
            response.setHeader("X-Content-Type-Options", "nosniff");
        }
        chain.doFilter(request, response);
    }

    /** The shell pages: always revalidated; only the embed page may be framed by other sites. */
    static void htmlHeaders(HttpServletResponse response, boolean embed) {
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        if (!embed) {
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
        }
    }
}
