package org.kinema.api.config;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.kinema.account.Caller;
import org.kinema.api.platform.CurrentUser;
import org.kinema.instance.InstanceService;
import org.kinema.instance.InstanceSettings;
import org.kinema.platform.DomainException;

import java.util.Map;

/** {@code /config}, {@code /config/about} and the administrator's {@code /config/custom}. */
@Path("config")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigResource {

    @Inject
    private InstanceService instance;

    @Inject
    private CurrentUser currentUser;

    @GET
    public Map<String, Object> config() {
        return ServerConfigJson.of(instance.settings());
    }

    @GET
    @Path("about")
    public Map<String, Object> about() {
        return ServerConfigJson.about(instance.settings());
    }

    @GET
    @Path("custom")
    public CustomConfigJson custom() {
        Caller caller = currentUser.require();
        if (!caller.isAdministrator()) {
            throw DomainException.forbidden("Only administrators read the instance's configuration");
        }
        return CustomConfigJson.of(instance.settings());
    }

    /** Applies the sections PeerTube's admin sends that Kinema supports; others are ignored. */
    @PUT
    @Path("custom")
    @Consumes(MediaType.APPLICATION_JSON)
    public CustomConfigJson changeCustom(@NotNull @Valid CustomConfigJson change) {
        InstanceSettings changed = instance.change(currentUser.require(), settings -> change.applyTo(settings));
        return CustomConfigJson.of(changed);
    }
}
