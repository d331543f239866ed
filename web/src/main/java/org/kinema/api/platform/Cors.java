package org.kinema.api.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Cross-origin use of the API from any site, as PeerTube allows it: every answer says any origin
 * may read it, and a preflight ({@code OPTIONS}) is answered at once, 204 with the methods and
 * the very headers the browser asked for. (Media files answer CORS on their own.)
 */
public class Cors extends HttpFilter {

    static final String METHODS = "GET, HEAD, PUT, PATCH, POST, DELETE";
    static final String EXPOSED = "Location, Range, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Access-Control-Allow-Origin", "*");
        if (!request.getMethod().equals("OPTIONS")) {
            response.setHeader("Access-Control-Expose-Headers", EXPOSED);
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Access-Control-Allow-Methods", METHODS);
        String asked = request.getHeader("Access-Control-Request-Headers");
        if (asked != null) {
            response.setHeader("Access-Control-Allow-Headers", asked);
            response.setHeader("Vary", "Access-Control-Request-Headers");
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        response.setContentLength(0);
    }
}
