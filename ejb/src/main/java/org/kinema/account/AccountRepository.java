package org.kinema.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kinema.platform.Fetch;

import java.util.Optional;

/** Accounts, local and remote, found by their actor's name. */
@ApplicationScoped
public class AccountRepository {

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    public Optional<Account> find(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    public void add(Account account) {
        em.persist(account);
        em.flush();
    }

    /** The account of a user of this instance. */
    public Optional<Account> ofUser(long userId) {
        return em.createQuery("SELECT a FROM Account a WHERE a.userId = :user", Account.class)
                .setParameter("user", userId).getResultStream().findFirst();
    }

    /** The account that an actor stands for, if it is an account's. */
    public Optional<Account> ofActor(org.kinema.actor.Actor actor) {
        return em.createQuery("SELECT a FROM Account a WHERE a.actor = :actor", Account.class)
                .setParameter("actor", actor).getResultStream().findFirst();
    }

    /** The account named {@code name} on {@code host}, or a local one when host is null. */
    public Optional<Account> findByName(String name, String host) {
        String hostClause = host == null ? "a.actor.host IS NULL" : "LOWER(a.actor.host) = :host";
        var query = Fetch.joined(em, Account.class, "SELECT a FROM Account a WHERE LOWER(a.actor.preferredUsername) = :name AND "
                        + hostClause, "a.actor")
                .setParameter("name", name.toLowerCase());
        if (host != null) {
            query.setParameter("host", host.toLowerCase());
        }
        return query.getResultStream().findFirst();
    }
}
