package org.kinema.platform;

import jakarta.ejb.ApplicationException;

/**
 * A request the domain refuses, with the kind of refusal and, where PeerTube has one, its error
 * code. The web boundary turns it into PeerTube's JSON error shape; the transaction rolls back.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE, UNPROCESSABLE }

    private final Kind kind;
    private final String code;

    public DomainException(Kind kind, String message) {
        this(kind, message, null);
    }

    public DomainException(Kind kind, String message, String code) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static DomainException invalid(String message) {
        return new DomainException(Kind.INVALID, message);
    }

    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, message);
    }

    public static DomainException conflict(String message) {
        return new DomainException(Kind.CONFLICT, message);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(Kind.FORBIDDEN, message);
    }

    public static DomainException unauthenticated(String message, String code) {
        return new DomainException(Kind.UNAUTHENTICATED, message, code);
    }

    public Kind kind() {
        return kind;
    }

    /** PeerTube's error code (e.g. {@code invalid_grant}), or null. */
    public String code() {
        return code;
    }
}
