package org.kinema.api.platform;

import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kinema.platform.KinemaSettings;
import org.kinema.ratelimit.Allowance;
import org.kinema.ratelimit.RateLimit;
import org.kinema.ratelimit.RateLimiter;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * PeerTube's rate limits on {@code /api/*}, per client address: every call counts against the
 * API's limit, logins, registrations and verification e-mails against their own too (a
 * registration only when it succeeds). The answer carries the tightest limit's
 * {@code X-RateLimit-*} headers; a call past a limit is refused with 429 and {@code Retry-After}.
 * The address is the connection's peer, or the one a trusted proxy forwarded
 * ({@code KINEMA_BEHIND_PROXY}, which Undertow applies); addresses in
 * {@code KINEMA_RATE_LIMIT_EXEMPT} are never limited. When the store cannot be reached, calls pass.
 */
public class RateLimits extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());

    @Inject
    private RateLimiter limiter;

    @Inject
    private KinemaSettings settings;

    private RateLimit api;
    private RateLimit login;
    private RateLimit signup;
    private RateLimit askSendEmail;
    private AddressRanges exempt;

    @Override
    public void init(FilterConfig config) {
        api = RateLimit.API.configured(settings::value);
        login = RateLimit.LOGIN.configured(settings::value);
        signup = RateLimit.SIGNUP.configured(settings::value);
        askSendEmail = RateLimit.ASK_SEND_EMAIL.configured(settings::value);
        exempt = AddressRanges.parse(settings.value("KINEMA_RATE_LIMIT_EXEMPT").orElse(""));
        LOG.info(() -> "Rate limits: " + List.of(api, login, signup, askSendEmail) + (exempt.isEmpty() ? ""
                : ", except for " + settings.value("KINEMA_RATE_LIMIT_EXEMPT").orElse("")));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        InetSocketAddress source = ServletRequestContext.requireCurrent().getExchange().getSourceAddress();
        InetAddress client = source.getAddress();
        List<RateLimit> limits = client != null && exempt.contains(client) ? List.of() : limitsOf(request);
        String address = client == null ? source.getHostString() : client.getHostAddress();
        Allowance tightest = null;
        for (RateLimit limit : limits) {
            Allowance allowance = take(limit, address);
            if (allowance != null) {
                tightest = allowance;
                if (!allowance.allowed()) {
                    Problem.of(429, "Too many requests, please try again later", null, pathOf(request))
                            .writeTo(response, true, headers(allowance));
                    return;
                }
            }
        }
        if (tightest != null) {
            headers(tightest).forEach(response::setHeader);
        }
        chain.doFilter(request, response);
        if (limits.contains(signup) && response.getStatus() >= 400) {
            limiter.giveBack(signup, address);
        }
    }

    private List<RateLimit> limitsOf(HttpServletRequest request) {
        List<RateLimit> limits = new ArrayList<>(List.of(api));
        if (request.getMethod().equals("POST")) {
            switch (pathOf(request)) {
                case "/api/v1/users/token" -> limits.add(login);
                case "/api/v1/users/register" -> limits.add(signup);
                case "/api/v1/users/ask-send-verify-email", "/api/v1/users/registrations/ask-send-verify-email" -> limits.add(askSendEmail);
                default -> { }
            }
        }
        limits.removeIf(RateLimit::isOff);
        return limits;
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    private Allowance take(RateLimit limit, String address) {
        try {
            return limiter.take(limit, address);
        } catch (RuntimeException e) {
            LOG.fine(() -> "Rate limit " + limit.name() + " not counted: " + e);
            return null;
        }
    }

    private static Map<String, String> headers(Allowance allowance) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", String.valueOf(allowance.limit()));
        headers.put("X-RateLimit-Remaining", String.valueOf(allowance.remaining()));
        headers.put("X-RateLimit-Reset", String.valueOf(allowance.resetEpochSecond()));
        if (!allowance.allowed()) {
            headers.put("Retry-After", String.valueOf(allowance.retryAfterSeconds()));
        }
        return headers;
    }
}
