package org.kinema.api.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.kinema.auth.OAuthClient;
import org.kinema.auth.TokenService;

/** {@code /oauth-clients/local}: the client PeerTube clients log in through. */
@Path("oauth-clients/local")
@Produces(MediaType.APPLICATION_JSON)
public class OAuthClientResource {

    @Inject
    private TokenService tokens;

    public record ClientJson(@JsonProperty("client_id") String clientId, @JsonProperty("client_secret") String clientSecret) {
    }

    @GET
    public ClientJson localClient() {
        OAuthClient client = tokens.localClient();
        return new ClientJson(client.clientId(), client.clientSecret());
    }
}
