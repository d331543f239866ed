package org.kinema.rating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.kinema.account.Account;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.video.ListedVideos;
import org.kinema.video.Video;
import org.kinema.video.VideoFetch;

import java.util.List;

/** Ratings: each change one locked read and one statement; lists of an account's ratings. */
@ApplicationScoped
public class RatingRepository {

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    /** The account's rating of the video, NONE when it has none. */
    public RatingType of(Account account, Video video) {
        List<?> types = em.createNativeQuery("SELECT type FROM kinema.video_rating WHERE account_id = ?1 AND video_id = ?2")
                .setParameter(1, account.id()).setParameter(2, video.id()).getResultList();
        return types.isEmpty() ? RatingType.NONE : RatingType.of((String) types.get(0));
    }

    /**
     * Sets the account's rating of the video, with its URL (null for NONE), and returns the rating it
     * replaced. One upsert or delete: the video's counts follow in the same transaction (V9_2's
     * triggers), so concurrent raters never lose a change.
     */
    public RatingType rate(Account account, Video video, RatingType type, String url) {
        List<?> before = em.createNativeQuery(
                        "SELECT type FROM kinema.video_rating WHERE account_id = ?1 AND video_id = ?2 FOR UPDATE")
                .setParameter(1, account.id()).setParameter(2, video.id()).getResultList();
        if (type == RatingType.NONE) {
            em.createNativeQuery("DELETE FROM kinema.video_rating WHERE account_id = ?1 AND video_id = ?2")
                    .setParameter(1, account.id()).setParameter(2, video.id()).executeUpdate();
        } else {
            em.createNativeQuery("""
                    INSERT INTO kinema.video_rating (account_id, video_id, type, url, created_at, updated_at)
                    VALUES (?1, ?2, ?3, ?4, now(), now())
                    ON CONFLICT (account_id, video_id) DO UPDATE
                        SET type = EXCLUDED.type, url = EXCLUDED.url, updated_at = EXCLUDED.updated_at
                        WHERE kinema.video_rating.type <> EXCLUDED.type""")
                    .setParameter(1, account.id()).setParameter(2, video.id()).setParameter(3, type.label())
                    .setParameter(4, url).executeUpdate();
        }
        return before.isEmpty() ? RatingType.NONE : RatingType.of((String) before.get(0));
    }

    /**
     * A page of an account's ratings (of one type, or all when null), newest first unless
     * {@code sort} is {@code createdAt}, showing only the videos {@code listed} allows.
     */
    public PageResult<Rating> ofAccount(Account account, RatingType type, ListedVideos listed, Page page) {
        String where = " WHERE r.account = :account" + (type == null ? "" : " AND r.type = :type")
                + " AND " + listed.condition("v");
        String order = "createdAt".equals(page.sort()) ? " ORDER BY r.createdAt, r.id" : " ORDER BY r.createdAt DESC, r.id DESC";
        TypedQuery<Rating> query = VideoFetch.withOwners(
                em.createQuery("SELECT r FROM Rating r JOIN r.video v" + where + order, Rating.class), "r.video");
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(r) FROM Rating r JOIN r.video v" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            q.setParameter("account", account);
            if (type != null) {
                q.setParameter("type", type.label());
            }
            listed.bind(q);
        }
        return new PageResult<>(count.getSingleResult(),
                query.setFirstResult(page.start()).setMaxResults(page.count()).getResultList());
    }

    /** A page of the URLs of a video's likes or dislikes, newest first; the total is the video's count. */
    public PageResult<String> urlsOf(Video video, RatingType type, Page page) {
        @SuppressWarnings("unchecked")
        List<String> urls = em.createNativeQuery("SELECT url FROM kinema.video_rating WHERE video_id = ?1 AND type = ?2"
                        + " ORDER BY created_at DESC, id DESC OFFSET ?3 LIMIT ?4")
                .setParameter(1, video.id()).setParameter(2, type.label())
                .setParameter(3, page.start()).setParameter(4, page.count())
                .getResultList();
        return new PageResult<>(type == RatingType.LIKE ? video.likes() : video.dislikes(), urls);
    }
}
