package org.kinema.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.kinema.actor.ActorHandle;
import org.kinema.platform.DomainException;
import org.kinema.platform.KinemaSettings;

/** Finding accounts by handle. */
@Stateless
public class AccountService {

    @Inject
    private AccountRepository accounts;

    @Inject
    private KinemaSettings settings;

    public Account get(long id) {
        return accounts.find(id).orElseThrow(() -> DomainException.notFound("Account not found"));
    }

    public Account get(String handle) {
        ActorHandle parsed = ActorHandle.parse(handle, settings.host());
        return accounts.findByName(parsed.name(), parsed.host())
                .orElseThrow(() -> DomainException.notFound("Account not found"));
    }
}
