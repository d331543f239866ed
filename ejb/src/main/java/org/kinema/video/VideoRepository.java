package org.kinema.video;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.kinema.platform.Fetch;
import org.kinema.platform.ListTotals;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.platform.SortOrders;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Videos and their files: lookups, lists with PeerTube's filters, quotas and the transcoding queue. */
@ApplicationScoped
public class VideoRepository {

    /**
     * PeerTube's video orders. Kinema keeps no original publication date (a video was first
     * published when it was published here), and orders PeerTube's recent-views and score orders
     * by the totals it keeps: trending and hot by views, best by likes.
     */
    private static final SortOrders SORTS = SortOrders.of("-publishedAt",
            "name", "v.name, v.id",
            "duration", "v.duration, v.id",
            "createdAt", "v.createdAt, v.id",
            "publishedAt", "v.publishedAt, v.id",
            "originallyPublishedAt", "v.publishedAt, v.id",
            "views", "v.views, v.id",
            "likes", "v.likes, v.id",
            "trending", "v.views, v.id",
            "hot", "v.views, v.id",
            "best", "v.likes, v.id");

    /** What a video is shown with: its channel, account and the actors of both. */
    private static final String[] OWNERS = {"v.channel", "v.channel.actor", "v.channel.account", "v.channel.account.actor"};

    /** Bytes of originals uploaded in all, and since {@code :since}. */
    private static final String QUOTA_SUMS =
            "SUM(v.originalSize), SUM(CASE WHEN v.createdAt >= :since THEN v.originalSize ELSE 0 END)";

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    @Inject
    private ListTotals totals;

    public void add(Video video) {
        em.persist(video);
        em.flush();
    }

    public void add(VideoFile file) {
        em.persist(file);
    }

    /** The video with its channel, account and their actors, in one select (its tags when first asked for). */
    public Optional<Video> find(long id) {
        return withOwners("SELECT v FROM Video v WHERE v.id = :id").setParameter("id", id).getResultStream().findFirst();
    }

    /** As {@link #find(long)}, by UUID. */
    public Optional<Video> findByUuid(UUID uuid) {
        return withOwners("SELECT v FROM Video v WHERE v.uuid = :uuid").setParameter("uuid", uuid).getResultStream().findFirst();
    }

    /** By id, UUID or short UUID, as PeerTube's API accepts. */
    public Optional<Video> findByAnyId(String idOrUuid) {
        if (idOrUuid.matches("\\d{1,18}")) {
            return find(Long.parseLong(idOrUuid));
        }
        if (idOrUuid.length() == 36) {
            try {
                return findByUuid(UUID.fromString(idOrUuid));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        UUID uuid = ShortUuid.toUuid(idOrUuid);
        return uuid == null ? Optional.empty() : findByUuid(uuid);
    }

    /**
     * The video's files, largest first. Asked in the transaction that loaded the video, they take
     * it from the persistence context instead of loading it again.
     */
    public List<VideoFile> files(Video video) {
        return em.createQuery("SELECT f FROM VideoFile f WHERE f.video = :video ORDER BY f.resolution DESC, f.id", VideoFile.class)
                .setParameter("video", video).getResultList();
    }

    /** The files of many videos at once, for lists. */
    public List<VideoFile> files(List<Video> videos) {
        if (videos.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT f FROM VideoFile f WHERE f.video IN :videos ORDER BY f.resolution DESC, f.id", VideoFile.class)
                .setParameter("videos", videos).getResultList();
    }

    /** A video of another instance by its ActivityPub id. */
    public Optional<Video> findByRemoteUrl(String url) {
        return em.createQuery("SELECT v FROM Video v WHERE v.remoteUrl = :url", Video.class)
                .setParameter("url", url).getResultStream().findFirst();
    }

    /** Who may see the video with this UUID, in one query. */
    public Optional<VideoAccess> access(UUID uuid) {
        return em.createQuery("SELECT v.id, v.uuid, v.privacy, v.state, a.userId, v.encoding, v.encodingFolder"
                        + " FROM Video v JOIN v.channel c JOIN c.account a WHERE v.uuid = :uuid", Object[].class)
                .setParameter("uuid", uuid).getResultStream().findFirst().map(VideoRepository::access);
    }

    /** The file a public name refers to (a file's or a torrent's name), with who may fetch it, in one query. */
    public Optional<FileAccess> findFile(String filename) {
        return em.createQuery("SELECT f.kind, f.filename, v.id, v.uuid, v.privacy, v.state, a.userId, v.encoding,"
                        + " v.encodingFolder FROM VideoFile f"
                        + " JOIN f.video v JOIN v.channel c JOIN c.account a"
                        + " WHERE f.remoteUrl IS NULL AND (f.filename = :name OR f.torrentFilename = :name)", Object[].class)
                .setParameter("name", filename).setMaxResults(1).getResultStream().findFirst()
                .map(row -> new FileAccess((FileKind) row[0], (String) row[1],
                        access(Arrays.copyOfRange(row, 2, row.length))));
    }

    private static VideoAccess access(Object[] row) {
        return new VideoAccess(((Number) row[0]).longValue(), (UUID) row[1], Privacy.of(((Number) row[2]).intValue()),
                ((Number) row[3]).intValue() == VideoState.PUBLISHED.id(), row[4] == null ? null : ((Number) row[4]).longValue(),
                Boolean.TRUE.equals(row[5]) ? (String) row[6] : null);
    }

    public void removeFiles(Video video, FileKind kind) {
        em.createQuery("DELETE FROM VideoFile f WHERE f.video = :video AND f.kind = :kind")
                .setParameter("video", video).setParameter("kind", kind).executeUpdate();
    }

    public void remove(Video video) {
        em.createQuery("DELETE FROM VideoFile f WHERE f.video = :video").setParameter("video", video).executeUpdate();
        em.remove(video);
    }

    /** Bytes of originals a user uploaded: in all, and in the last 24 hours. */
    public QuotaUse quotaUse(long userId) {
        Object[] sums = em.createQuery("SELECT 0, " + QUOTA_SUMS
                        + " FROM Video v WHERE v.accountId = (SELECT a.id FROM Account a WHERE a.userId = :user)", Object[].class)
                .setParameter("user", userId)
                .setParameter("since", aDayAgo())
                .getSingleResult();
        return quotaUse(sums);
    }

    /** {@link #quotaUse(long)} of many accounts at once, by account id; an account without videos uses nothing. */
    public Map<Long, QuotaUse> quotaUses(Collection<Long> accountIds) {
        Map<Long, QuotaUse> uses = new HashMap<>();
        accountIds.forEach(id -> uses.put(id, new QuotaUse(0, 0)));
        if (!accountIds.isEmpty()) {
            em.createQuery("SELECT v.accountId, " + QUOTA_SUMS + " FROM Video v WHERE v.accountId IN :accounts"
                            + " GROUP BY v.accountId", Object[].class)
                    .setParameter("accounts", accountIds)
                    .setParameter("since", aDayAgo())
                    .getResultList()
                    .forEach(sums -> uses.put(((Number) sums[0]).longValue(), quotaUse(sums)));
        }
        return uses;
    }

    private static OffsetDateTime aDayAgo() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
    }

    /** The two sums after a leading key column; no videos sum to null. */
    private static QuotaUse quotaUse(Object[] sums) {
        return new QuotaUse(sums[1] == null ? 0 : ((Number) sums[1]).longValue(),
                sums[2] == null ? 0 : ((Number) sums[2]).longValue());
    }

    /**
     * A page of videos matching a filter; the filter says which privacies, states and owners
     * count, so visibility rules stay in the service. The page's ids are read first, then those
     * videos with their owners, read-only ({@link Fetch#byIds}); the total is exact within seconds
     * ({@link ListTotals}).
     */
    public PageResult<Video> list(VideoFilter filter, Page page) {
        Conditions where = Conditions.of(filter);
        List<Long> ids = where.bind(em.createQuery("SELECT v.id FROM Video v" + where.jpql() + SORTS.orderBy(page), Long.class))
                .setFirstResult(page.start()).setMaxResults(page.count()).getResultList();
        long total = totals.of(where,
                () -> where.bind(em.createQuery("SELECT COUNT(v) FROM Video v" + where.jpql(), Long.class)).getSingleResult());
        return new PageResult<>(total, Fetch.byIds(em, Video.class, "v", ids, Video::id, OWNERS));
    }

    /**
     * A filter as JPQL. Privacy and state are written as constants, not parameters, so that
     * PostgreSQL sees they match the partial indexes of listed videos; an owner is an account id,
     * which the account's indexes lead with.
     */
    record Conditions(String jpql, Map<String, Object> parameters) {

        static Conditions of(VideoFilter filter) {
            List<String> clauses = new ArrayList<>();
            Map<String, Object> parameters = new LinkedHashMap<>();
            if (!filter.privacies().containsAll(EnumSet.allOf(Privacy.class))) {
                clauses.add(filter.privacies().stream().map(privacy -> String.valueOf(privacy.id()))
                        .collect(Collectors.joining(", ", "v.privacy IN (", ")")));
            }
            if (filter.publishedOnly()) {
                clauses.add("v.state = " + VideoState.PUBLISHED.id());
            }
            add(clauses, parameters, "v.channel.id = :channel", "channel", filter.channelId());
            add(clauses, parameters, "v.accountId = :account", "account", filter.accountId());
            add(clauses, parameters, "v.accountId = (SELECT a.id FROM Account a WHERE a.userId = :owner)", "owner",
                    filter.ownerUserId());
            add(clauses, parameters, "v.category IN :categories", "categories",
                    filter.categories().isEmpty() ? null : filter.categories());
            add(clauses, parameters, "v.language IN :languages", "languages",
                    filter.languages().isEmpty() ? null : filter.languages());
            add(clauses, parameters, "v.nsfw = :nsfw", "nsfw", filter.nsfw());
            if (filter.localOnly() != null) {
                clauses.add(filter.localOnly() ? "v.channel.actor.host IS NULL" : "v.channel.actor.host IS NOT NULL");
            }
            return new Conditions(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), parameters);
        }

        private static void add(List<String> clauses, Map<String, Object> parameters, String clause, String name,
                                Object value) {
            if (value != null) {
                clauses.add(clause);
                parameters.put(name, value);
            }
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }

    /** A query for videos with their channel, account and the actors of both, in one select. */
    private TypedQuery<Video> withOwners(String jpql) {
        return Fetch.joined(em, Video.class, jpql, OWNERS);
    }
}
