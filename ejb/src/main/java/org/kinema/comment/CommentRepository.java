package org.kinema.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.kinema.platform.Fetch;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.platform.SortOrders;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Comments: a video's threads and a thread's replies, lists across videos, and what a deletion needs to know. */
@ApplicationScoped
public class CommentRepository {

    /** A video's threads, newest or most replied first (an index behind each, see V8). */
    private static final SortOrders THREAD_SORTS = SortOrders.of("-createdAt",
            "createdAt", "c.createdAt, c.id",
            "totalReplies", "c.totalReplies, c.id");
    private static final SortOrders LIST_SORTS = SortOrders.of("-createdAt", "createdAt", "c.createdAt, c.id");
    /** The author with the comment: its actor and user too (PeerTube's Account shows both). */
    private static final String[] AUTHOR = {"c.account", "c.account.actor"};

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    /** The id the next comment will have: it names the comment in its URL, so it is known before the insert. */
    public long nextId() {
        return ((Number) em.createNativeQuery("SELECT nextval('kinema.video_comment_id_seq')").getSingleResult()).longValue();
    }

    public void add(Comment comment) {
        em.persist(comment);
        em.flush();
    }

    public void remove(Comment comment) {
        em.remove(comment);
        em.flush();
    }

    /** A comment by its ActivityPub id. */
    public Optional<Comment> findByUrl(String url) {
        return em.createQuery("SELECT c FROM Comment c WHERE c.url = :url", Comment.class)
                .setParameter("url", url).getResultStream().findFirst();
    }

    public Optional<Comment> find(long id) {
        return Optional.ofNullable(em.find(Comment.class, id));
    }

    /** The comment, if it is on this video. */
    public Optional<Comment> findOn(long videoId, long id) {
        return find(id).filter(comment -> comment.videoId() == videoId);
    }

    public boolean hasReplies(Comment comment) {
        return !em.createQuery("SELECT c.id FROM Comment c WHERE c.inReplyToCommentId = :id")
                .setParameter("id", comment.id()).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * A page of a video's threads as this reader sees them, with the counts PeerTube gives beside it:
     * those everyone sees are kept counted (see V8), those held for review counted for who sees them.
     */
    ThreadPage threads(long videoId, CommentReader reader, Page page) {
        List<Comment> threads = reader.bind(Fetch.readOnly(em, Comment.class, "SELECT c FROM Comment c WHERE c.videoId = :video"
                        + " AND c.originCommentId IS NULL" + reader.condition() + THREAD_SORTS.orderBy(page), AUTHOR))
                .setParameter("video", videoId)
                .setFirstResult(page.start()).setMaxResults(page.count())
                .getResultList();
        long[] counts = {0, 0};
        List<?> shown = em.createNativeQuery("SELECT threads, comments FROM kinema.video_comment_count WHERE video_id = ?1")
                .setParameter(1, videoId).getResultList();
        if (!shown.isEmpty()) {
            add(counts, (Object[]) shown.get(0));
        }
        if (reader.seesAllHeld() || reader.accountId() != null) {
            var held = em.createNativeQuery("SELECT count(*) FILTER (WHERE origin_comment_id IS NULL),"
                    + " count(*) FILTER (WHERE deleted_at IS NULL) FROM kinema.video_comment"
                    + " WHERE video_id = ?1 AND held_for_review" + (reader.seesAllHeld() ? "" : " AND account_id = ?2"));
            held.setParameter(1, videoId);
            if (!reader.seesAllHeld()) {
                held.setParameter(2, reader.accountId());
            }
            add(counts, (Object[]) held.getSingleResult());
        }
        return new ThreadPage(counts[0], counts[1], threads);
    }

    /** A thread's comments as this reader sees them, its first comment first, then by time. */
    List<Comment> thread(long threadId, CommentReader reader) {
        return reader.bind(Fetch.readOnly(em, Comment.class, "SELECT c FROM Comment c"
                        + " WHERE (c.id = :thread OR c.originCommentId = :thread)" + reader.condition()
                        + " ORDER BY c.createdAt, c.id", AUTHOR))
                .setParameter("thread", threadId)
                .getResultList();
    }

    /**
     * A page of comments (deleted ones left out) across videos, newest first, with the video each
     * is on; only those on videos of {@code ownerAccountId} when it is given.
     */
    PageResult<CommentOnVideo> list(CommentFilter filter, Long ownerAccountId, Page page) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE c.deletedAt IS NULL");
        if (ownerAccountId != null) {
            where.append(" AND c.videoId IN (SELECT v.id FROM Video v WHERE v.channel.account.id = :owner)");
            parameters.put("owner", ownerAccountId);
        }
        if (present(filter.search())) {
            where.append(" AND LOWER(c.text) LIKE :search");
            parameters.put("search", contains(filter.search()));
        }
        if (present(filter.searchAccount())) {
            where.append(" AND c.accountId IN (SELECT a.id FROM Account a WHERE LOWER(a.actor.preferredUsername) LIKE :account"
                    + " OR LOWER(a.displayName) LIKE :account)");
            parameters.put("account", contains(filter.searchAccount()));
        }
        if (present(filter.searchVideo())) {
            where.append(" AND c.videoId IN (SELECT v.id FROM Video v WHERE LOWER(v.name) LIKE :videoName)");
            parameters.put("videoName", contains(filter.searchVideo()));
        }
        if (filter.videoId() != null) {
            where.append(" AND c.videoId = :videoId");
            parameters.put("videoId", filter.videoId());
        }
        if (filter.channelId() != null) {
            where.append(" AND c.videoId IN (SELECT v.id FROM Video v WHERE v.channel.id = :channel)");
            parameters.put("channel", filter.channelId());
        }
        if (filter.isLocal() != null) {
            where.append(filter.isLocal() ? " AND" : " AND NOT")
                    .append(" c.accountId IN (SELECT a.id FROM Account a WHERE a.actor.host IS NULL)");
        }
        if (filter.onLocalVideo() != null) {
            where.append(filter.onLocalVideo() ? " AND" : " AND NOT")
                    .append(" c.videoId IN (SELECT v.id FROM Video v WHERE v.channel.actor.host IS NULL)");
        }
        if (filter.heldForReview() != null) {
            where.append(" AND c.heldForReview = :held");
            parameters.put("held", filter.heldForReview());
        }
        TypedQuery<Comment> query = Fetch.readOnly(em, Comment.class,
                "SELECT c FROM Comment c" + where + LIST_SORTS.orderBy(page), AUTHOR);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM Comment c" + where, Long.class);
        parameters.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<Comment> comments = query.setFirstResult(page.start()).setMaxResults(page.count()).getResultList();
        Map<Long, CommentedVideo> videos = videos(comments.stream().map(Comment::videoId).distinct().toList());
        List<CommentOnVideo> items = new ArrayList<>();
        comments.forEach(comment -> items.add(new CommentOnVideo(comment, videos.get(comment.videoId()))));
        return new PageResult<>(count.getSingleResult(), items);
    }

    /**
     * The newest comments anyone may read, with their videos: neither deleted nor held for review,
     * on videos whose comments are open; on one video (whose access the caller has checked), or on
     * public published videos only, optionally of one account or channel.
     */
    public List<CommentOnVideo> newestPublic(Long videoId, Long accountId, Long channelId, int count) {
        StringBuilder where = new StringBuilder(" WHERE c.deletedAt IS NULL AND c.heldForReview = false");
        Map<String, Object> parameters = new HashMap<>();
        if (videoId != null) {
            where.append(" AND c.videoId = :video");
            parameters.put("video", videoId);
        } else {
            where.append(" AND c.videoId IN (SELECT v.id FROM Video v WHERE v.privacy = 1 AND v.state = 1"
                    + " AND v.commentsPolicy <> 2");
            if (accountId != null) {
                where.append(" AND v.channel.account.id = :account");
                parameters.put("account", accountId);
            }
            if (channelId != null) {
                where.append(" AND v.channel.id = :channel");
                parameters.put("channel", channelId);
            }
            where.append(")");
        }
        TypedQuery<Comment> query = Fetch.readOnly(em, Comment.class,
                "SELECT c FROM Comment c" + where + " ORDER BY c.createdAt DESC, c.id DESC", AUTHOR);
        parameters.forEach(query::setParameter);
        List<Comment> comments = query.setMaxResults(count).getResultList();
        Map<Long, CommentedVideo> videos = videos(comments.stream().map(Comment::videoId).distinct().toList());
        return comments.stream().map(comment -> new CommentOnVideo(comment, videos.get(comment.videoId()))).toList();
    }

    /** The videos that comments are on, by id, in one query. */
    public Map<Long, CommentedVideo> videos(Collection<Long> ids) {
        Map<Long, CommentedVideo> videos = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT v.id, v.uuid, v.shortUuid, v.name FROM Video v WHERE v.id IN :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(row -> videos.put((Long) row[0], new CommentedVideo((Long) row[0], (UUID) row[1], (String) row[2],
                            (String) row[3])));
        }
        return videos;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String contains(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static void add(long[] counts, Object[] row) {
        counts[0] += ((Number) row[0]).longValue();
        counts[1] += ((Number) row[1]).longValue();
    }
}
