package org.kinema.playlist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.kinema.account.Account;
import org.kinema.channel.VideoChannel;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.video.ListedVideos;
import org.kinema.video.ShortUuid;
import org.kinema.video.VideoFetch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Playlists and their elements: lookups, lists, positions, and the questions other features ask (search). */
@ApplicationScoped
public class PlaylistRepository {

    /** PeerTube's playlist sorts; newest first when none is given. */
    private static final Map<String, String> SORTS = Map.of(
            "createdAt", "p.createdAt", "updatedAt", "p.updatedAt", "displayName", "p.name", "id", "p.id");

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    public void add(Playlist playlist) {
        em.persist(playlist);
        em.flush();
    }

    public void remove(Playlist playlist) {
        em.remove(playlist);
    }

    /** By id, UUID or short UUID, as PeerTube's API accepts. */
    public Optional<Playlist> findByAnyId(String idOrUuid) {
        if (idOrUuid.matches("\\d{1,18}")) {
            return Optional.ofNullable(em.find(Playlist.class, Long.parseLong(idOrUuid)));
        }
        UUID uuid;
        try {
            uuid = idOrUuid.length() == 36 ? UUID.fromString(idOrUuid) : ShortUuid.toUuid(idOrUuid);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return uuid == null ? Optional.empty() : findByUuid(uuid);
    }

    public Optional<Playlist> findByUuid(UUID uuid) {
        return em.createQuery("SELECT p FROM Playlist p WHERE p.uuid = :uuid", Playlist.class)
                .setParameter("uuid", uuid).getResultStream().findFirst();
    }

    public Optional<Playlist> watchLaterOf(Account account) {
        return em.createQuery("SELECT p FROM Playlist p WHERE p.owner = :owner AND p.type = :type", Playlist.class)
                .setParameter("owner", account).setParameter("type", PlaylistType.WATCH_LATER.id())
                .getResultStream().findFirst();
    }

    /** Holds the playlist for this transaction: changes to its elements (positions) happen one at a time. */
    public void lock(Playlist playlist) {
        em.refresh(playlist, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Public playlists of this instance and others it knows (of a type, when given). */
    public PageResult<Playlist> listPublic(PlaylistType type, Page page) {
        return list("p.privacy = " + PlaylistPrivacy.PUBLIC.id(), Map.of(), type, null, page);
    }

    /**
     * The search feature's question: public playlists whose name holds {@code text} (case
     * insensitive), newest first unless {@code page} sorts otherwise.
     */
    public PageResult<Playlist> searchPublic(String text, Page page) {
        return list("p.privacy = " + PlaylistPrivacy.PUBLIC.id(), Map.of(), null, text, page);
    }

    /** An account's playlists: all of them for its owner ({@code all}), otherwise the public ones. */
    public PageResult<Playlist> ofAccount(Account account, boolean all, PlaylistType type, String search, Page page) {
        return list("p.owner = :owner" + (all ? "" : " AND p.privacy = " + PlaylistPrivacy.PUBLIC.id()),
                Map.of("owner", account), type, search, page);
    }

    /** A channel's playlists: all of them for its owner ({@code all}), otherwise the public ones. */
    public PageResult<Playlist> ofChannel(VideoChannel channel, boolean all, PlaylistType type, Page page) {
        return list("p.channel = :channel" + (all ? "" : " AND p.privacy = " + PlaylistPrivacy.PUBLIC.id()),
                Map.of("channel", channel), type, null, page);
    }

    private PageResult<Playlist> list(String condition, Map<String, Object> parameters, PlaylistType type, String search,
                                      Page page) {
        String where = " WHERE " + condition + (type == null ? "" : " AND p.type = " + type.id())
                + (search == null ? "" : " AND LOWER(p.name) LIKE :search ESCAPE '\\'");
        TypedQuery<Playlist> query = em.createQuery("SELECT p FROM Playlist p" + where + orderBy(page), Playlist.class);
        for (String path : List.of("p.owner", "p.owner.actor", "p.channel", "p.channel.actor")) {
            query.setHint("eclipselink.left-join-fetch", path);
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(p) FROM Playlist p" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            parameters.forEach(q::setParameter);
            if (search != null) {
                q.setParameter("search", "%" + search.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        return new PageResult<>(count.getSingleResult(),
                query.setFirstResult(page.start()).setMaxResults(page.count()).getResultList());
    }

    private static String orderBy(Page page) {
        String sort = page.sort() == null || page.sort().isBlank() ? "-createdAt" : page.sort();
        boolean descending = sort.startsWith("-");
        String field = SORTS.getOrDefault(descending ? sort.substring(1) : sort, "p.createdAt");
        String direction = descending ? " DESC" : " ASC";
        return " ORDER BY " + field + direction + ", p.id" + direction;
    }

    /** How many elements each playlist has (PeerTube's {@code videosLength}), by playlist id. */
    public Map<Long, Long> lengths(List<Playlist> playlists) {
        Map<Long, Long> lengths = new HashMap<>();
        if (!playlists.isEmpty()) {
            em.createQuery("SELECT e.playlist.id, COUNT(e) FROM PlaylistElement e WHERE e.playlist IN :playlists"
                            + " GROUP BY e.playlist.id", Object[].class)
                    .setParameter("playlists", playlists).getResultList()
                    .forEach(row -> lengths.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        }
        return lengths;
    }

    public long length(Playlist playlist) {
        return em.createQuery("SELECT COUNT(e) FROM PlaylistElement e WHERE e.playlist = :playlist", Long.class)
                .setParameter("playlist", playlist).getSingleResult();
    }

    /**
     * The playlists showing a copy of the picture of their first video, when that video is this
     * one (or, for null, when it was deleted).
     */
    public List<Playlist> showingPictureOf(Long videoId) {
        var query = em.createQuery("SELECT p FROM Playlist p, PlaylistElement e WHERE e.playlist = p AND e.position = 1"
                + " AND p.thumbnail = 'GENERATED' AND " + (videoId == null ? "e.video IS NULL" : "e.video.id = :video"), Playlist.class);
        return (videoId == null ? query : query.setParameter("video", videoId)).getResultList();
    }

    /** The id the next element will have (drawn first, so that the element's URL names it). */
    public long nextElementId() {
        return ((Number) em.createNativeQuery("SELECT nextval('kinema.video_playlist_element_id_seq')").getSingleResult())
                .longValue();
    }

    public void add(PlaylistElement element) {
        em.persist(element);
    }

    public Optional<PlaylistElement> findElement(Playlist playlist, long elementId) {
        return Optional.ofNullable(em.find(PlaylistElement.class, elementId))
                .filter(element -> element.playlist().id().equals(playlist.id()));
    }

    /** The element at a position, if any. */
    public Optional<PlaylistElement> elementAt(Playlist playlist, int position) {
        return em.createQuery("SELECT e FROM PlaylistElement e WHERE e.playlist = :playlist AND e.position = :position",
                        PlaylistElement.class)
                .setParameter("playlist", playlist).setParameter("position", position).getResultStream().findFirst();
    }

    /** A page of a playlist's elements in their order, with their videos and the videos' owners. */
    public PageResult<PlaylistElement> elements(Playlist playlist, Page page) {
        TypedQuery<PlaylistElement> query = VideoFetch.withOwners(em.createQuery(
                "SELECT e FROM PlaylistElement e WHERE e.playlist = :playlist ORDER BY e.position", PlaylistElement.class),
                "e.video");
        List<PlaylistElement> items = query.setParameter("playlist", playlist)
                .setFirstResult(page.start()).setMaxResults(page.count()).getResultList();
        return new PageResult<>(length(playlist), items);
    }

    /** Removes an element and closes the gap it leaves. */
    public void remove(PlaylistElement element) {
        em.remove(element);
        em.flush();
        em.createQuery("UPDATE PlaylistElement e SET e.position = e.position - 1"
                        + " WHERE e.playlist = :playlist AND e.position > :position")
                .setParameter("playlist", element.playlist()).setParameter("position", element.position()).executeUpdate();
    }

    /**
     * Moves the {@code length} elements from position {@code start} to just after position
     * {@code after} (0: to the front), in one statement however many move (positions are unique
     * again when the transaction commits). {@code after} is outside the block moved.
     */
    public void move(Playlist playlist, int start, int length, int after) {
        int end = start + length - 1;
        boolean down = after > end;
        int blockShift = down ? after - end : after + 1 - start;
        int othersShift = down ? -length : length;
        em.flush();
        em.createNativeQuery("UPDATE kinema.video_playlist_element SET updated_at = now(),"
                        + " position = CASE WHEN position BETWEEN ?2 AND ?3 THEN position + ?4 ELSE position + ?5 END"
                        + " WHERE playlist_id = ?1 AND position BETWEEN ?6 AND ?7")
                .setParameter(1, playlist.id()).setParameter(2, start).setParameter(3, end)
                .setParameter(4, blockShift).setParameter(5, othersShift)
                .setParameter(6, down ? start : after + 1).setParameter(7, down ? after : end)
                .executeUpdate();
    }

    /**
     * Where the given videos are in the account's playlists, of the videos {@code listed} allows:
     * rows of video id, element id, playlist id, start and stop.
     */
    public List<Object[]> placesOf(Account account, List<Long> videoIds, ListedVideos listed) {
        if (videoIds.isEmpty()) {
            return List.of();
        }
        return listed.bind(em.createQuery("SELECT v.id, e.id, p.id, e.startTimestamp, e.stopTimestamp FROM PlaylistElement e"
                        + " JOIN e.playlist p JOIN e.video v WHERE p.owner = :owner AND v.id IN :videos AND "
                        + listed.condition("v") + " ORDER BY p.id, e.position", Object[].class)
                .setParameter("owner", account).setParameter("videos", videoIds)).getResultList();
    }
}
