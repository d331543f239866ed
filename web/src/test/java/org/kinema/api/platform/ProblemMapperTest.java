package org.kinema.api.platform;

import org.junit.jupiter.api.Test;
import org.kinema.platform.DomainException;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ProblemMapperTest {

    @Test
    void domainRefusalsKeepTheirStatusAndCode() {
        Problem problem = ProblemMapper.problemFor(
                new DomainException(DomainException.Kind.INVALID, "Invalid grant", "invalid_grant"), "/users/token");
        assertEquals(400, problem.status());
        assertEquals("invalid_grant", problem.code());
        assertEquals("https://docs.joinpeertube.org/api-rest-reference.html#section/Errors/invalid_grant", problem.type());
        assertEquals("Bad Request", problem.title());
        assertEquals("Invalid grant", problem.detail());
    }

    @Test
    void everyKindHasItsStatus() {
        assertEquals(401, ProblemMapper.status(DomainException.Kind.UNAUTHENTICATED));
        assertEquals(403, ProblemMapper.status(DomainException.Kind.FORBIDDEN));
        assertEquals(404, ProblemMapper.status(DomainException.Kind.NOT_FOUND));
        assertEquals(409, ProblemMapper.status(DomainException.Kind.CONFLICT));
        assertEquals(413, ProblemMapper.status(DomainException.Kind.TOO_LARGE));
    }

    @Test
    void wrappedRefusalIsStillFound() {
        RuntimeException wrapped = new RuntimeException(DomainException.notFound("Video not found"));
        assertEquals(404, ProblemMapper.problemFor(wrapped, "/x").status());
    }

    @Test
    void uniqueViolationThatSlippedThroughIsAConflict() {
        RuntimeException failure = new RuntimeException(new SQLException("duplicate key", "23505"));
        assertEquals(409, ProblemMapper.problemFor(failure, "/x").status());
    }

    @Test
    void valueRefusedByPostgresqlBehindAnAbortedTransactionIs400() {
        SQLException aborted = new SQLException("current transaction is aborted", "25P02",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        assertEquals(400, ProblemMapper.problemFor(new RuntimeException(aborted), "/x").status());
    }

    @Test
    void bodyPastItsLimitIs413HoweverWrapped() {
        RuntimeException failure = new IllegalStateException(new io.undertow.server.RequestTooBigException());
        Problem problem = ProblemMapper.problemFor(failure, "/x");
        assertEquals(413, problem.status());
        assertEquals("Payload Too Large", problem.title());
    }

    @Test
    void requestThatStoppedMidBodyIs400() {
        java.io.IOException closed = new java.io.IOException("UT000128: Remote peer closed connection");
        closed.setStackTrace(new StackTraceElement[]{
                new StackTraceElement("io.undertow.conduits.FixedLengthStreamSourceConduit", "read", null, 1)});
        assertEquals(400, ProblemMapper.problemFor(new RuntimeException(closed), "/x").status());
    }

    @Test
    void bodyItsReaderCannotReadIs400() {
        java.io.IOException unreadable = new java.io.IOException("RESTEASY007550: Unable to get boundary for multipart");
        unreadable.setStackTrace(new StackTraceElement[]{new StackTraceElement(
                "org.jboss.resteasy.plugins.providers.multipart.MultipartEntityPartReader", "readFrom", null, 1)});
        assertEquals(400, ProblemMapper.problemFor(unreadable, "/x").status());
    }

    @Test
    void failureOfOurOwnFilesStaysOurFault() {
        RuntimeException failure = new java.io.UncheckedIOException(new java.io.IOException("No space left on device"));
        assertEquals(500, ProblemMapper.problemFor(failure, "/x").status());
    }

    @Test
    void ourOwnFaultIs500WithoutDetails() {
        Problem problem = ProblemMapper.problemFor(new IllegalStateException("secret internals"), "/x");
        assertEquals(500, problem.status());
        assertFalse(problem.detail().contains("secret"));
    }
}
