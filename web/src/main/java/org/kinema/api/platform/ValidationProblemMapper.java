package org.kinema.api.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;
import java.util.TreeMap;

/**
 * Bean Validation's refusals of a request, as PeerTube reports them: 400 with the refused
 * fields in {@code invalid-params}. (A mapper of its own, because the runtime's built-in one
 * for validation would otherwise win over {@link ProblemMapper}.)
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ValidationException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(ValidationException failure) {
        String path = ProblemMapper.instance(uriInfo);
        if (!(failure instanceof ConstraintViolationException violations)) {
            return ProblemMapper.problemFor(failure, path).toResponse();
        }
        Map<String, Problem.InvalidParam> params = new TreeMap<>();
        for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
            String field = lastNode(violation.getPropertyPath());
            params.putIfAbsent(field, new Problem.InvalidParam("body", violation.getMessage(), field,
                    safeValue(violation.getInvalidValue())));
        }
        return Problem.invalidParams("Incorrect request parameters: " + String.join(", ", params.keySet()), path, params)
                .toResponse();
    }

    private static String lastNode(Path path) {
        String name = "request";
        for (Path.Node node : path) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }

    /** Echoes short scalar values only: no passwords' worth of text, no whole objects. */
    private static Object safeValue(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof String text && text.length() <= 100) {
            return text;
        }
        return null;
    }
}
