package org.kinema.api.video;

import org.kinema.video.VideoPassword;

/** PeerTube's {@code VideoPassword}. */
public record VideoPasswordJson(long id, String password, long videoId) {

    public static VideoPasswordJson of(VideoPassword password) {
        return new VideoPasswordJson(password.id(), password.password(), password.video().id());
    }
}
