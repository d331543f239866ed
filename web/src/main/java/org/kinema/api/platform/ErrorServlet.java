package org.kinema.api.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Errors that happen outside the API (an unknown path, a servlet failure) get PeerTube's JSON
 * error shape too, never the container's HTML page (see web.xml's error pages).
 */
@WebServlet("/error")
public class ErrorServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 404;
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null) {
            LOG.log(Level.SEVERE, "Unexpected failure on " + path, failure);
        }
        String detail = switch (status) {
            case 404 -> "Not found: " + path;
            case 405 -> "Method not allowed on " + path;
            default -> status >= 500 ? "Internal server error" : Problem.title(status);
        };
        Problem.of(status, detail, null, path).writeTo(response, true);
    }
}
