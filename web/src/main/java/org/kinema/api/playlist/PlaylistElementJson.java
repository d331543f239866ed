package org.kinema.api.playlist;

import org.kinema.api.video.VideoJson;
import org.kinema.playlist.ElementType;
import org.kinema.playlist.PlaylistElement;
import org.kinema.playlist.ShownElement;

import java.util.Map;

/** PeerTube's {@code VideoPlaylistElement}: its video only when the reader may see it ({@code type} 0). */
public record PlaylistElementJson(long id, int position, Integer startTimestamp, Integer stopTimestamp, int type,
                                  Map<String, Object> video) {

    public static PlaylistElementJson of(ShownElement shown, VideoJson videos) {
        PlaylistElement element = shown.element();
        return new PlaylistElementJson(element.id(), element.position(), element.startTimestamp(), element.stopTimestamp(),
                shown.type().id(), shown.type() == ElementType.REGULAR ? videos.summary(element.video()) : null);
    }
}
