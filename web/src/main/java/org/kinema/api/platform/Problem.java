package org.kinema.api.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * PeerTube's error body (RFC 7807): {@code type}, {@code title}, {@code status}, {@code detail},
 * the deprecated {@code error} (same as detail), and {@code code} where PeerTube has one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String error, String code,
                      String instance,
                      @JsonProperty("invalid-params") Map<String, InvalidParam> invalidParams) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json", "utf-8");
    private static final String ERROR_DOCS = "https://docs.joinpeertube.org/api-rest-reference.html#section/Errors/";

    /** One refused field, as PeerTube reports it. */
    public record InvalidParam(String location, String msg, String param, Object value) {
    }

    public static Problem of(int status, String detail, String code, String instance) {
        return new Problem(code == null ? "about:blank" : ERROR_DOCS + code, title(status), status, detail, detail, code,
                instance, null);
    }

    public static Problem invalidParams(String detail, String instance, Map<String, InvalidParam> params) {
        return new Problem("about:blank", title(400), 400, detail, detail, null, instance, params);
    }

    /** Writes this error as the answer of a servlet outside the JAX-RS runtime. */
    public void writeTo(jakarta.servlet.http.HttpServletResponse response, boolean withBody) throws java.io.IOException {
        writeTo(response, withBody, Map.of());
    }

    /** ... with headers of its own, e.g. {@code Allow} or {@code Retry-After}. */
    public void writeTo(jakarta.servlet.http.HttpServletResponse response, boolean withBody, Map<String, String> headers)
            throws java.io.IOException {
        response.reset();
        response.setHeader("Access-Control-Allow-Origin", "*");
        headers.forEach(response::setHeader);
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE.toString());
        if (withBody) {
            JsonMapper.mapper().writeValue(response.getOutputStream(), this);
        }
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** The status's name as PeerTube writes it (HTTP's current names, where JAX-RS keeps older ones). */
    static String title(int status) {
        return switch (status) {
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known == null ? "Error" : known.getReasonPhrase();
            }
        };
    }
}
