package org.kinema.api.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that is not JSON of the expected shape: PeerTube's 400 error rather than the
 * runtime's plain-text one (whose built-in mapper for this type would otherwise win).
 */
@Provider
public class JsonProblemMapper implements ExceptionMapper<JsonProcessingException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(JsonProcessingException failure) {
        return ProblemMapper.problemFor(failure, ProblemMapper.instance(uriInfo))
                .toResponse();
    }
}
