package org.kinema.api.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.kinema.api.platform.CurrentUser;
import org.kinema.auth.IssuedToken;
import org.kinema.auth.TokenService;
import org.kinema.platform.DomainException;

import java.util.Map;

/**
 * {@code /users/token} and {@code /users/revoke-token} (beside the other {@code /users} resources)
 * and {@code /oauth-clients/local}.
 */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class OAuthResource {

    @Inject
    private TokenService tokens;

    @Inject
    private CurrentUser currentUser;

    public record TokenJson(@JsonProperty("token_type") String tokenType,
                            @JsonProperty("access_token") String accessToken,
                            @JsonProperty("refresh_token") String refreshToken,
                            @JsonProperty("expires_in") long expiresIn,
                            @JsonProperty("refresh_token_expires_in") long refreshTokenExpiresIn) {

        static TokenJson of(IssuedToken token) {
            return new TokenJson("Bearer", token.accessToken(), token.refreshToken(), token.expiresIn(),
                    token.refreshTokenExpiresIn());
        }
    }


    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TokenJson token(@FormParam("grant_type") String grantType,
                           @FormParam("client_id") String clientId,
                           @FormParam("client_secret") String clientSecret,
                           @FormParam("username") String username,
                           @FormParam("password") String password,
                           @FormParam("refresh_token") String refreshToken) {
        require("grant_type", grantType);
        require("client_id", clientId);
        require("client_secret", clientSecret);
        return switch (grantType) {
            case "password" -> {
                require("username", username);
                require("password", password);
                yield TokenJson.of(tokens.grantPassword(clientId, clientSecret, username, password));
            }
            case "refresh_token" -> {
                require("refresh_token", refreshToken);
                yield TokenJson.of(tokens.grantRefresh(clientId, clientSecret, refreshToken));
            }
            default -> throw new DomainException(DomainException.Kind.INVALID,
                    "Unsupported grant type: " + grantType, "unsupported_grant_type");
        };
    }

    @POST
    @Path("revoke-token")
    public Map<String, Object> revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        currentUser.require();
        tokens.revoke(authorization.substring("bearer ".length()).trim());
        return Map.of();
    }

    private static void require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new DomainException(DomainException.Kind.INVALID, "Missing parameter: " + name, "invalid_request");
        }
    }
}
