package org.kinema.follow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.kinema.actor.Actor;
import org.kinema.channel.VideoChannel;
import org.kinema.platform.Fetch;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.platform.SortOrders;
import org.kinema.video.Video;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Follows, the channels an actor follows, and the videos of those channels. */
@ApplicationScoped
public class FollowRepository {

    private static final SortOrders SUBSCRIPTION_SORTS = SortOrders.of("-createdAt",
            "id", "f.id",
            "createdAt", "f.createdAt, f.id",
            "channelUpdatedAt", "c.updatedAt, c.id");
    private static final SortOrders FEED_SORTS = SortOrders.of("-publishedAt",
            "publishedAt", "v.publishedAt, v.id",
            "createdAt", "v.createdAt, v.id",
            "name", "v.name, v.id",
            "duration", "v.duration, v.id",
            "views", "v.views, v.id",
            "likes", "v.likes, v.id");
    /** A channel with its owner, as PeerTube's VideoChannel shows them. */
    private static final String[] CHANNEL = {"c.actor", "c.account", "c.account.actor"};
    private static final String FOLLOWED_BY = "SELECT f.following.id FROM Follow f"
            + " WHERE f.follower.id = :follower AND f.state = 'accepted'";

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    /** The id the next follow will have: it names the follow in its URL, so it is known before the insert. */
    public long nextId() {
        return ((Number) em.createNativeQuery("SELECT nextval('kinema.actor_follow_id_seq')").getSingleResult()).longValue();
    }

    public void add(Follow follow) {
        em.persist(follow);
        em.flush();
    }

    public void remove(Follow follow) {
        em.remove(follow);
        em.flush();
    }

    /** A follow by its ActivityPub id. */
    public Optional<Follow> findByUrl(String url) {
        return em.createQuery("SELECT f FROM Follow f WHERE f.url = :url", Follow.class)
                .setParameter("url", url).getResultStream().findFirst();
    }

    /** The actor's follow of an actor on this host, if it has one. */
    public Optional<Follow> findFollowingOnHost(Actor follower, String host) {
        return em.createQuery("SELECT f FROM Follow f WHERE f.follower = :actor AND LOWER(f.following.host) = :host", Follow.class)
                .setParameter("actor", follower).setParameter("host", host.toLowerCase()).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** A page of the follows of an actor (its following), or of follows of it (its followers), newest first. */
    public PageResult<Follow> followsOf(Actor actor, boolean asFollower, Page page) {
        String where = asFollower ? " WHERE f.follower = :actor" : " WHERE f.following = :actor";
        List<Follow> items = em.createQuery("SELECT f FROM Follow f" + where + " ORDER BY f.createdAt DESC, f.id DESC", Follow.class)
                .setParameter("actor", actor).setFirstResult(page.start()).setMaxResults(page.count()).getResultList();
        long total = em.createQuery("SELECT COUNT(f) FROM Follow f" + where, Long.class).setParameter("actor", actor)
                .getSingleResult();
        return new PageResult<>(total, items);
    }

    public Optional<Follow> find(long id) {
        return Optional.ofNullable(em.find(Follow.class, id));
    }

    public Optional<Follow> find(Actor follower, Actor following) {
        return em.createQuery("SELECT f FROM Follow f WHERE f.follower = :follower AND f.following = :following", Follow.class)
                .setParameter("follower", follower).setParameter("following", following)
                .getResultStream().findFirst();
    }

    /** The channels an actor follows (accepted follows), as a page. */
    public PageResult<VideoChannel> channelsFollowedBy(Actor follower, Page page) {
        String from = " FROM VideoChannel c, Follow f"
                + " WHERE f.follower = :follower AND f.following = c.actor AND f.state = 'accepted'";
        TypedQuery<VideoChannel> query = Fetch.readOnly(em, VideoChannel.class,
                "SELECT c" + from + SUBSCRIPTION_SORTS.orderBy(page), CHANNEL);
        long total = em.createQuery("SELECT COUNT(f)" + from, Long.class).setParameter("follower", follower).getSingleResult();
        return new PageResult<>(total, query.setParameter("follower", follower)
                .setFirstResult(page.start()).setMaxResults(page.count()).getResultList());
    }

    /** Which of these local channel names (lower case) the actor follows. */
    public Set<String> localChannelsFollowedAmong(Actor follower, Collection<String> lowerCaseNames) {
        if (lowerCaseNames.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("SELECT LOWER(c.actor.preferredUsername) FROM VideoChannel c"
                        + " WHERE c.actor.host IS NULL AND LOWER(c.actor.preferredUsername) IN :names"
                        + " AND c.actor.id IN (" + FOLLOWED_BY + ")", String.class)
                .setParameter("names", lowerCaseNames).setParameter("follower", follower.id())
                .getResultList());
    }

    /** A page of the public, published videos of the channels an actor follows. */
    public PageResult<Video> videosFollowedBy(Actor follower, Page page) {
        String where = " WHERE v.state = 1 AND v.privacy = 1 AND v.channel.actor.id IN (" + FOLLOWED_BY + ")";
        TypedQuery<Video> query = Fetch.readOnly(em, Video.class, "SELECT v FROM Video v" + where + FEED_SORTS.orderBy(page),
                "v.channel", "v.channel.actor", "v.channel.account", "v.channel.account.actor");
        // the tags of the whole page in one more select (they are read with every video)
        query.setHint("eclipselink.batch.type", "IN");
        query.setHint("eclipselink.batch", "v.tags");
        long total = em.createQuery("SELECT COUNT(v) FROM Video v" + where, Long.class)
                .setParameter("follower", follower.id()).getSingleResult();
        return new PageResult<>(total, query.setParameter("follower", follower.id())
                .setFirstResult(page.start()).setMaxResults(page.count()).getResultList());
    }

    /** A page of the URLs of the actors following this one (accepted follows), newest first. */
    public PageResult<String> followerUrls(Actor actor, Page page) {
        return actorUrls("SELECT f.follower.url FROM Follow f WHERE f.following = :actor AND f.state = 'accepted'"
                + " ORDER BY f.createdAt DESC, f.id DESC", actor, page, actor.followersCount());
    }

    /** A page of the URLs of the actors this one follows (accepted follows), newest first. */
    public PageResult<String> followingUrls(Actor actor, Page page) {
        return actorUrls("SELECT f.following.url FROM Follow f WHERE f.follower = :actor AND f.state = 'accepted'"
                + " ORDER BY f.createdAt DESC, f.id DESC", actor, page, actor.followingCount());
    }

    private PageResult<String> actorUrls(String jpql, Actor actor, Page page, long total) {
        return new PageResult<>(total, em.createQuery(jpql, String.class).setParameter("actor", actor)
                .setFirstResult(page.start()).setMaxResults(page.count()).getResultList());
    }
}
