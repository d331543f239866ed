package org.kinema.video;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.DependsOn;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kinema.instance.InstanceSecrets;
import org.kinema.instance.SecretPurpose;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Counts a viewer once per video per hour, as PeerTube does. A viewer is known only by a keyed
 * hash of their address (and account, when logged in), kept in PostgreSQL until the hour ends, so
 * every node counts alike and no address is ever stored.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class ViewCounter {

    static final Duration WINDOW = Duration.ofHours(1);

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    @Inject
    private InstanceSecrets secrets;

    /** Records a view; returns true if it counted (first from this viewer in the window). */
    @jakarta.ejb.Lock(jakarta.ejb.LockType.READ)
    public boolean view(Video video, String viewer) {
        int inserted = em.createNativeQuery("""
                INSERT INTO kinema.video_view (video_id, viewer, expires_at) VALUES (?1, ?2, now() + (?3 * interval '1 second'))
                ON CONFLICT (video_id, viewer) DO UPDATE SET expires_at = EXCLUDED.expires_at
                    WHERE kinema.video_view.expires_at < now()""")
                .setParameter(1, video.id())
                .setParameter(2, hash(viewer))
                .setParameter(3, WINDOW.toSeconds())
                .executeUpdate();
        if (inserted > 0) {
            em.createNativeQuery("UPDATE kinema.video SET views = views + 1 WHERE id = ?1").setParameter(1, video.id())
                    .executeUpdate();
        }
        return inserted > 0;
    }

    /** Forgets viewers whose window has closed. */
    @Schedule(hour = "*", minute = "*/5", persistent = false)
    void forgetClosedWindows() {
        em.createNativeQuery("DELETE FROM kinema.video_view WHERE expires_at < now()").executeUpdate();
    }

    private String hash(String viewer) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.key(SecretPurpose.VIEWERS), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("view:" + viewer).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
