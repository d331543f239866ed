package org.kinema.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.kinema.account.Account;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Channels, found by id, by handle or by owner. */
@ApplicationScoped
public class ChannelRepository {

    private static final Map<String, String> SORTABLE = Map.of(
            "id", "c.id",
            "name", "c.actor.preferredUsername",
            "createdAt", "c.createdAt",
            "updatedAt", "c.updatedAt");

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
        TypedQuery<VideoChannel> query = em.createQuery(
                        "SELECT c FROM VideoChannel c WHERE LOWER(c.actor.preferredUsername) = :name AND " + hostClause,
                        VideoChannel.class)
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

    /** All channels oldest first. */
    public List<VideoChannel> ownedBy(Account account) {
        return em.createQuery("SELECT c FROM VideoChannel c WHERE c.account = :account ORDER BY c.id", VideoChannel.class)
                .setParameter("account", account)
                .getResultList();
    }

    /** A page of all channels known here, or of one account's channels when account is given. */
    public PageResult<VideoChannel> list(Account account, Page page) {
        String where = account == null ? "" : " WHERE c.account = :account";
        String order = " ORDER BY " + SORTABLE.getOrDefault(page.sortField("createdAt"), "c.createdAt")
                + (page.descending(false) ? " DESC" : " ASC") + ", c.id ASC";
        TypedQuery<VideoChannel> query = em.createQuery("SELECT c FROM VideoChannel c" + where + order, VideoChannel.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM VideoChannel c" + where, Long.class);
        if (account != null) {
            query.setParameter("account", account);
            count.setParameter("account", account);
        }
        return new PageResult<>(count.getSingleResult(),
                query.setFirstResult(page.start()).setMaxResults(page.count()).getResultList());
    }
}
