package org.kinema.video;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.kinema.instance.InstanceSecrets;
import org.kinema.instance.SecretPurpose;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Counts a viewer once per video per hour, as PeerTube does. A viewer is known only by a keyed
 * hash of their address (and account, when logged in), kept in PostgreSQL until the hour ends, so
 * every node counts alike and no address is ever stored. A counted view is written beside the
 * video, not into it: every {@link #FOLD_EVERY_SECONDS} seconds one node of the cluster adds the
 * views waited since to their videos, so a popular video's row is not written once per view.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
@Lock(LockType.READ)
public class ViewCounter {

    static final Duration WINDOW = Duration.ofHours(1);
    static final int FOLD_EVERY_SECONDS = 2;
    private static final int FOLD_AT_MOST = 50_000;
    static final int SEND_REMOTE_EVERY_SECONDS = 20;

    @Inject
    private ViewRepository views;

    @Inject
    private InstanceSecrets secrets;

    @Inject
    private Event<VideoEvents.RemoteVideosViewed> remoteVideosViewed;

    /** Records a view; returns true if it counted (first from this viewer in the window). */
    public boolean view(Video video, String viewer) {
        return view(video, viewer, 1);
    }

    /** Records views another instance counted of a video and sends in bulk under one viewer id. */
    public boolean view(Video video, String viewer, int times) {
        return views.record(video.id(), hash(viewer), WINDOW, times);
    }

    /** Adds the views counted lately to their videos (on one node at a time). */
    @Schedule(hour = "*", minute = "*", second = "*/" + FOLD_EVERY_SECONDS, persistent = false)
    void foldViews() {
        views.fold(FOLD_AT_MOST);
    }

    /**
     * Every {@value #SEND_REMOTE_EVERY_SECONDS} s, the views of other instances' videos counted
     * since go to their origins: one activity per video and interval, whatever the number of views.
     */
    @Schedule(hour = "*", minute = "*", second = "*/" + SEND_REMOTE_EVERY_SECONDS, persistent = false)
    void sendRemoteViews() {
        List<ViewsOfVideo> due = views.takeOutbound();
        if (!due.isEmpty()) {
            remoteVideosViewed.fire(new VideoEvents.RemoteVideosViewed(due));
        }
    }

    /** Forgets viewers whose window has closed. */
    @Schedule(hour = "*", minute = "*/5", persistent = false)
    void forgetClosedWindows() {
        views.forgetClosedWindows();
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
