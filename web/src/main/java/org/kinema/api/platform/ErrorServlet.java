package org.kinema.api.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/**
 * Errors that happen outside the API (an unknown path, a method a servlet does not take, a
 * servlet failure) get PeerTube's JSON error shape too, never the container's HTML page: web.xml
 * sends every error here. A failure is judged as the API judges it ({@link ProblemMapper}). A
 * method no servlet implements (the container's 501) is a 405 like any other refused method;
 * outside the API every path is read-only.
 */
@WebServlet("/error")
public class ErrorServlet extends HttpServlet {

    static final String READ_ONLY = "GET, HEAD, OPTIONS";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 404;
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null) {
            ProblemMapper.problemFor(failure, path).writeTo(response, true);
        } else if (status == 405 || status == 501) {
            Problem.of(405, "Method not allowed on " + path, null, path).writeTo(response, true, Map.of("Allow", READ_ONLY));
        } else {
            String detail = status == 404 ? "Not found: " + path : status >= 500 ? "Internal server error" : Problem.title(status);
            Problem.of(status, detail, null, path).writeTo(response, true);
        }
    }
}
