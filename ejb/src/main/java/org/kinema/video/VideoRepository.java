package org.kinema.video;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Videos and their files: lookups, lists with PeerTube's filters, quotas and the transcoding queue. */
@ApplicationScoped
public class VideoRepository {

    private static final Map<String, String> SORTABLE = Map.of(
            "name", "v.name",
            "duration", "v.duration",
            "createdAt", "v.createdAt",
            "publishedAt", "v.publishedAt",
            "views", "v.views",
            "likes", "v.likes",
            "trending", "v.views",
            "hot", "v.views",
            "best", "v.likes");

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    public void add(Video video) {
        em.persist(video);
        em.flush();
    }

    public void add(VideoFile file) {
        em.persist(file);
    }

    public Optional<Video> find(long id) {
        return Optional.ofNullable(em.find(Video.class, id));
    }

    public Optional<Video> findByUuid(UUID uuid) {
        return em.createQuery("SELECT v FROM Video v WHERE v.uuid = :uuid", Video.class)
                .setParameter("uuid", uuid).getResultStream().findFirst();
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

    /** Who may see the video with this UUID, in one query. */
    public Optional<VideoAccess> access(UUID uuid) {
        return em.createQuery("SELECT v.id, v.uuid, v.privacy, v.state, u.id FROM Video v JOIN v.channel c JOIN c.account a"
                        + " LEFT JOIN a.user u WHERE v.uuid = :uuid", Object[].class)
                .setParameter("uuid", uuid).getResultStream().findFirst().map(VideoRepository::access);
    }

    /** The file a public name refers to (a file's or a torrent's name), with who may fetch it, in one query. */
    public Optional<FileAccess> findFile(String filename) {
        return em.createQuery("SELECT f.kind, f.filename, v.id, v.uuid, v.privacy, v.state, u.id FROM VideoFile f"
                        + " JOIN f.video v JOIN v.channel c JOIN c.account a LEFT JOIN a.user u"
                        + " WHERE f.filename = :name OR f.torrentFilename = :name", Object[].class)
                .setParameter("name", filename).setMaxResults(1).getResultStream().findFirst()
                .map(row -> new FileAccess((FileKind) row[0], (String) row[1],
                        access(java.util.Arrays.copyOfRange(row, 2, row.length))));
    }

    private static VideoAccess access(Object[] row) {
        return new VideoAccess(((Number) row[0]).longValue(), (UUID) row[1], Privacy.of(((Number) row[2]).intValue()),
                ((Number) row[3]).intValue() == VideoState.PUBLISHED.id(), row[4] == null ? null : ((Number) row[4]).longValue());
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
        Object[] sums = em.createQuery("SELECT SUM(v.originalSize),"
                        + " SUM(CASE WHEN v.createdAt >= :since THEN v.originalSize ELSE 0 END)"
                        + " FROM Video v WHERE v.channel.account.user.id = :user", Object[].class)
                .setParameter("user", userId)
                .setParameter("since", OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(1))
                .getSingleResult();
        return new QuotaUse(sums[0] == null ? 0 : ((Number) sums[0]).longValue(),
                sums[1] == null ? 0 : ((Number) sums[1]).longValue());
    }

    /**
     * A page of videos matching a filter; the filter says which privacies, states and owners
     * count, so visibility rules stay in the service.
     */
    public PageResult<Video> list(VideoFilter filter, Page page) {
        StringBuilder where = new StringBuilder(" WHERE v.privacy IN :privacies");
        if (filter.publishedOnly()) {
            where.append(" AND v.state = 1");
        }
        if (filter.channelId() != null) {
            where.append(" AND v.channel.id = :channel");
        }
        if (filter.accountId() != null) {
            where.append(" AND v.channel.account.id = :account");
        }
        if (filter.ownerUserId() != null) {
            where.append(" AND v.channel.account.user.id = :owner");
        }
        if (!filter.categories().isEmpty()) {
            where.append(" AND v.category IN :categories");
        }
        if (!filter.languages().isEmpty()) {
            where.append(" AND v.language IN :languages");
        }
        if (filter.nsfw() != null) {
            where.append(" AND v.nsfw = :nsfw");
        }
        if (filter.localOnly() != null) {
            where.append(filter.localOnly() ? " AND v.channel.actor.host IS NULL" : " AND v.channel.actor.host IS NOT NULL");
        }
        String field = SORTABLE.getOrDefault(page.sortField("publishedAt"), "v.publishedAt");
        String order = " ORDER BY " + field + (page.descending(true) ? " DESC" : " ASC") + ", v.id DESC";
        TypedQuery<Video> query = em.createQuery("SELECT v FROM Video v" + where + order, Video.class);
        withOwners(query);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(v) FROM Video v" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            q.setParameter("privacies", filter.privacies().stream().map(Privacy::id).toList());
            if (filter.channelId() != null) {
                q.setParameter("channel", filter.channelId());
            }
            if (filter.accountId() != null) {
                q.setParameter("account", filter.accountId());
            }
            if (filter.ownerUserId() != null) {
                q.setParameter("owner", filter.ownerUserId());
            }
            if (!filter.categories().isEmpty()) {
                q.setParameter("categories", filter.categories());
            }
            if (!filter.languages().isEmpty()) {
                q.setParameter("languages", filter.languages());
            }
            if (filter.nsfw() != null) {
                q.setParameter("nsfw", filter.nsfw());
            }
        }
        return new PageResult<>(count.getSingleResult(),
                query.setFirstResult(page.start()).setMaxResults(page.count()).getResultList());
    }

    /**
     * Loads each video's channel, account, their actors and the owner in the same select, and the
     * tags of the whole page in one more, instead of a few selects per video (no weaving, no
     * shared cache: EclipseLink would otherwise fetch every to-one relation on its own).
     */
    private static void withOwners(TypedQuery<Video> query) {
        for (String path : List.of("v.channel", "v.channel.actor", "v.channel.account", "v.channel.account.actor",
                "v.channel.account.user")) {
            query.setHint("eclipselink.left-join-fetch", path);
        }
        query.setHint("eclipselink.batch.type", "IN");
        query.setHint("eclipselink.batch", "v.tags");
    }
}
