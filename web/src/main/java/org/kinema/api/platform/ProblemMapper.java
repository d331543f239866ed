package org.kinema.api.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.undertow.server.RequestTooBigException;
import io.undertow.server.handlers.form.MultiPartParserDefinition;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.kinema.platform.DomainException;

import java.io.IOException;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of the API becomes PeerTube's JSON error: the domain's refusals with their
 * status and code, the client's malformed requests as 400 (a body its reader cannot read, a
 * value PostgreSQL refuses, a body past its limit as 413, a body the client stopped sending as
 * 400 and one line in the log), and only our own faults as 500, logged here and never shown
 * with a stack trace.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable failure) {
        Response response = problemFor(failure, instance(uriInfo)).toResponse();
        String allow = failure instanceof WebApplicationException web ? web.getResponse().getHeaderString(HttpHeaders.ALLOW) : null;
        return allow == null ? response : Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
    }

    public static Problem problemFor(Throwable failure, String path) {
        DomainException refusal = find(failure, DomainException.class);
        if (refusal != null) {
            return Problem.of(status(refusal.kind()), refusal.getMessage(), refusal.code(), path);
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return Problem.of(web.getResponse().getStatus(), clientMessage(web.getResponse().getStatus(), path), null, path);
        }
        if (isTooLarge(failure)) {
            return tooLarge(path);
        }
        if (find(failure, JsonProcessingException.class) != null) {
            return Problem.of(400, "The request body is not valid JSON of the expected shape", null, path);
        }
        if (raisedBy(failure, IOException.class, "org.jboss.resteasy.")) {
            return Problem.of(400, "The request body cannot be read as its content type says", null, path);
        }
        Integer clientError = resteasyClientError(failure);
        if (clientError != null) {
            return Problem.of(clientError, clientMessage(clientError, path), null, path);
        }
        if (hasSqlState(failure, "23505")) {
            return Problem.of(409, "This already exists", null, path);
        }
        if (hasSqlState(failure, "22")) {
            return Problem.of(400, "A value in the request is not acceptable", null, path);
        }
        if (isClientIo(failure)) {
            LOG.fine(() -> "Request to " + path + " ended early: " + failure);
            return Problem.of(400, "The request body could not be read to its end", null, path);
        }
        LOG.log(Level.SEVERE, "Unexpected failure on " + path, failure);
        return Problem.of(500, "Internal server error", null, path);
    }

    /** PeerTube's answer to a body past its path's limit. */
    public static Problem tooLarge(String path) {
        return Problem.of(413, "The request body is larger than this path accepts", null, path);
    }

    /** True when the request's body was larger than its limit, however deep the container wrapped it. */
    public static boolean isTooLarge(Throwable failure) {
        return find(failure, RequestTooBigException.class) != null
                || find(failure, MultiPartParserDefinition.FileTooLargeException.class) != null;
    }

    /**
     * True for a failure of the connection itself, raised by Undertow or XNIO while reading the
     * request or writing the answer: the client's doing (it stopped sending, or went away). A
     * failure of our own files is raised elsewhere and stays ours.
     */
    public static boolean isClientIo(Throwable failure) {
        return raisedBy(failure, IOException.class, "io.undertow.", "org.xnio.");
    }

    static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNPROCESSABLE -> 422;
        };
    }

    private static String clientMessage(int status, String path) {
        return switch (status) {
            case 404 -> "Not found: " + path;
            case 405 -> "Method not allowed on " + path;
            case 406 -> "No acceptable representation of " + path;
            case 415 -> "Unsupported content type for " + path;
            default -> Problem.title(status);
        };
    }

    /** Whether a failure of this type raised in one of these packages lies in the chain. */
    private static boolean raisedBy(Throwable failure, Class<? extends Throwable> type, String... packages) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            StackTraceElement[] trace = cause.getStackTrace();
            if (type.isInstance(cause) && trace.length > 0
                    && java.util.Arrays.stream(packages).anyMatch(trace[0].getClassName()::startsWith)) {
                return true;
            }
        }
        return false;
    }

    /** RESTEasy's own request failures (not WebApplicationExceptions) carry a status of their own. */
    private static Integer resteasyClientError(Throwable failure) {
        if (!failure.getClass().getName().startsWith("org.jboss.resteasy.")) {
            return null;
        }
        try {
            Object code = failure.getClass().getMethod("getErrorCode").invoke(failure);
            if (code instanceof Integer status && status >= 400 && status < 500) {
                return status;
            }
        } catch (ReflectiveOperationException ignored) {
            // not a RESTEasy Failure
        }
        return null;
    }

    /**
     * Whether a database refusal with this SQLState (or SQLState class) lies anywhere in the
     * chain: PostgreSQL's first refusal often hides behind a later "transaction is aborted".
     */
    private static boolean hasSqlState(Throwable failure, String state) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (SQLException sql = cause instanceof SQLException first ? first : null; sql != null; sql = sql.getNextException()) {
                if (sql.getSQLState() != null && sql.getSQLState().startsWith(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null && type.isInstance(sql.getNextException())) {
                return type.cast(sql.getNextException());
            }
        }
        return null;
    }

    /** The request's path as PeerTube names it in {@code instance}: whole, {@code /api/v1} included. */
    static String instance(UriInfo uriInfo) {
        return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    }
}
