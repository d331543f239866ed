package org.kinema.api.platform;

import jakarta.enterprise.context.RequestScoped;
import org.kinema.account.Caller;
import org.kinema.platform.DomainException;

import java.util.Optional;

/** Who sent the current request, as established by {@link BearerTokenFilter}. */
@RequestScoped
public class CurrentUser {

    private Caller caller;

    void authenticated(Caller caller) {
        this.caller = caller;
    }

    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    /** The caller, or 401 when the request carries no bearer token. */
    public Caller require() {
        if (caller == null) {
            throw DomainException.unauthenticated("Authentication is required: send an OAuth bearer token", null);
        }
        return caller;
    }
}
