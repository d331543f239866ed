package org.kinema.video;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;

import java.util.List;
import java.util.Optional;

/** The passwords of password-protected videos. */
@ApplicationScoped
public class VideoPasswordRepository {

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    public List<VideoPassword> of(Video video) {
        return em.createQuery("SELECT p FROM VideoPassword p WHERE p.video = :video ORDER BY p.id", VideoPassword.class)
                .setParameter("video", video).getResultList();
    }

    /** A page of a video's passwords, oldest first ({@code -createdAt}: newest first). */
    public PageResult<VideoPassword> page(Video video, Page page) {
        String order = "-createdAt".equals(page.sort()) ? " ORDER BY p.createdAt DESC, p.id DESC" : " ORDER BY p.createdAt, p.id";
        List<VideoPassword> items = em.createQuery("SELECT p FROM VideoPassword p WHERE p.video = :video" + order,
                        VideoPassword.class)
                .setParameter("video", video).setFirstResult(page.start()).setMaxResults(page.count()).getResultList();
        return new PageResult<>(count(video), items);
    }

    public long count(Video video) {
        return em.createQuery("SELECT COUNT(p) FROM VideoPassword p WHERE p.video = :video", Long.class)
                .setParameter("video", video).getSingleResult();
    }

    public Optional<VideoPassword> find(Video video, long id) {
        return Optional.ofNullable(em.find(VideoPassword.class, id)).filter(password -> password.video().id().equals(video.id()));
    }

    /** Replaces all of a video's passwords. */
    public void replace(Video video, List<VideoPassword> passwords) {
        removeAll(video);
        passwords.forEach(em::persist);
    }

    public void remove(VideoPassword password) {
        em.remove(password);
    }

    public void removeAll(Video video) {
        em.createQuery("DELETE FROM VideoPassword p WHERE p.video = :video").setParameter("video", video).executeUpdate();
    }
}
