package org.kinema.api.platform;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kinema.cluster.ClusterBus;
import org.kinema.platform.HealthCheck;

import java.io.IOException;
import java.util.List;

/**
 * {@code GET /health}: 200 when this node can serve (PostgreSQL answers), 503 otherwise, with
 * the checks in JSON, the node that answered and the cluster's members it sees, for load
 * balancers and operators.
 */
@WebServlet("/health")
public class HealthServlet extends HttpServlet {

    @Inject
    private HealthCheck health;

    @Inject
    private ClusterBus cluster;

    /** The answer: {@code status} UP or DOWN, and each check's. */
    record Health(String status, String node, List<String> members, List<Check> checks) {
    }

    record Check(String name, String status) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean database = health.databaseReachable();
        String status = database ? "UP" : "DOWN";
        response.setStatus(database ? 200 : 503);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JsonMapper.mapper().writeValue(response.getWriter(), new Health(status, cluster.self(), cluster.members(),
                List.of(new Check("database", status))));
    }
}
