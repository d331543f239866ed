package org.kinema.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.kinema.account.Account;
import org.kinema.platform.Fetch;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.platform.SortOrders;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Channels, found by id, by handle or by owner. */
@ApplicationScoped
public class ChannelRepository {

    /** A channel is its actor's alone, so the actor's id breaks ties between names as well as the channel's. */
    private static final SortOrders SORTS = SortOrders.of("createdAt",
            "id", "c.id",
            "name", "c.actor.preferredUsername, c.actor.id",
            "createdAt", "c.createdAt, c.id",
            "updatedAt", "c.updatedAt, c.id");

    /** What a channel is shown with: its actor, account and the account's actor. */
    private static final String[] OWNER = {"c.actor", "c.account", "c.account.actor"};

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    public void add(VideoChannel channel) {
        em.persist(channel.actor());
        em.persist(channel);
    }

    public void remove(VideoChannel channel) {
        em.remove(em.contains(channel) ? channel : em.merge(channel));
        em.remove(channel.actor());
    }

    public Optional<VideoChannel> find(long id) {
        return Optional.ofNullable(em.find(VideoChannel.class, id));
    }

    /** The channel that an actor stands for, if it is a channel's. */
    public Optional<VideoChannel> findByActor(org.kinema.actor.Actor actor) {
        return em.createQuery("SELECT c FROM VideoChannel c WHERE c.actor = :actor", VideoChannel.class)
                .setParameter("actor", actor).getResultStream().findFirst();
    }

    public Optional<VideoChannel> findByName(String name, String host) {
        String hostClause = host == null ? "c.actor.host IS NULL" : "LOWER(c.actor.host) = :host";
        TypedQuery<VideoChannel> query = withOwner(
                        "SELECT c FROM VideoChannel c WHERE LOWER(c.actor.preferredUsername) = :name AND " + hostClause)
                .setParameter("name", name.toLowerCase());
        if (host != null) {
            query.setParameter("host", host.toLowerCase());
        }
        return query.getResultStream().findFirst();
    }

    public long countOwnedBy(Account account) {
        return em.createQuery("SELECT COUNT(c) FROM VideoChannel c WHERE c.account = :account", Long.class)
                .setParameter("account", account)
                .getSingleResult();
    }

    /** The channels of these accounts (loaded in this transaction, which the channels refer to), oldest first. */
    public List<VideoChannel> ownedBy(Collection<Account> accounts) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        return Fetch.joined(em, VideoChannel.class, "SELECT c FROM VideoChannel c WHERE c.account IN :accounts ORDER BY c.id",
                        "c.actor")
                .setParameter("accounts", accounts)
                .getResultList();
    }

    /**
     * A page of all channels known here, or of one account's channels when account is given: the
     * page's ids first, then those channels with their owners ({@link Fetch#byIds}).
     */
    public PageResult<VideoChannel> list(Account account, Page page) {
        String where = account == null ? "" : " WHERE c.account = :account";
        TypedQuery<Long> ids = em.createQuery("SELECT c.id FROM VideoChannel c" + where + SORTS.orderBy(page), Long.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM VideoChannel c" + where, Long.class);
        if (account != null) {
            ids.setParameter("account", account);
            count.setParameter("account", account);
        }
        List<Long> onPage = ids.setFirstResult(page.start()).setMaxResults(page.count()).getResultList();
        return new PageResult<>(count.getSingleResult(), Fetch.byIds(em, VideoChannel.class, "c", onPage, VideoChannel::id, OWNER));
    }

    /** A query for channels with their actor, account and the account's actor, in one select. */
    private TypedQuery<VideoChannel> withOwner(String jpql) {
        return Fetch.joined(em, VideoChannel.class, jpql, OWNER);
    }
}
