package org.kinema.api.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.kinema.auth.TokenService;

/**
 * Reads {@code Authorization: Bearer …}. No header means an anonymous request; a token that is
 * unknown or expired is refused with 401 {@code invalid_token}, as PeerTube does.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";

    @Inject
    private TokenService tokens;

    @Inject
    private CurrentUser currentUser;

    @Override
    public void filter(ContainerRequestContext request) {
        callerOf(request.getHeaderString(HttpHeaders.AUTHORIZATION), tokens).ifPresent(currentUser::authenticated);
    }

    /**
     * The caller named by an {@code Authorization} header: empty without a bearer token, refused
     * (401 {@code invalid_token}) with an unknown or expired one. Servlets outside the API use it too.
     */
    public static java.util.Optional<org.kinema.account.Caller> callerOf(String header, TokenService tokens) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(tokens.authenticate(header.substring(BEARER.length()).trim()));
    }
}
