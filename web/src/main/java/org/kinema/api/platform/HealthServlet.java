package org.kinema.api.platform;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kinema.platform.HealthCheck;

import java.io.IOException;

/**
 * {@code GET /health}: 200 when this node can serve (PostgreSQL answers), 503 otherwise, with
 * the checks in JSON, for load balancers and operators.
 */
@WebServlet("/health")
public class HealthServlet extends HttpServlet {

    @Inject
    private HealthCheck health;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean database = health.databaseReachable();
        String status = database ? "UP" : "DOWN";
        response.setStatus(database ? 200 : 503);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"status\":\"" + status + "\",\"checks\":[{\"name\":\"database\",\"status\":\""
                + status + "\"}]}");
    }
}
