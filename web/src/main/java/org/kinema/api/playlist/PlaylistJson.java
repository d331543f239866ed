package org.kinema.api.playlist;

import org.kinema.api.actor.ActorSummaryJson;
import org.kinema.media.MediaStore;
import org.kinema.playlist.ListedPlaylist;
import org.kinema.playlist.Playlist;

import java.time.OffsetDateTime;

/** PeerTube's {@code VideoPlaylist}. */
public record PlaylistJson(long id, String uuid, String shortUUID, boolean isLocal, String url, String displayName,
                           String description, Constant privacy, String thumbnailPath, String embedPath, Constant type,
                           long videosLength, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                           ActorSummaryJson ownerAccount, ActorSummaryJson videoChannel) {

    /** PeerTube's {@code {"id": …, "label": …}} constants. */
    public record Constant(int id, String label) {
    }

    public static PlaylistJson of(ListedPlaylist listed, String localHost) {
        Playlist playlist = listed.playlist();
        return new PlaylistJson(playlist.id(), playlist.uuid().toString(), playlist.shortUuid(), playlist.isLocal(),
                playlist.url(), playlist.displayName(), playlist.description(),
                new Constant(playlist.privacy().id(), playlist.privacy().label()),
                playlist.thumbnail() == null ? null : "/lazy-static/thumbnails/" + MediaStore.playlistThumbnailName(playlist.uuid()),
                "/video-playlists/embed/" + playlist.uuid(), new Constant(playlist.type().id(), playlist.type().label()),
                listed.videosLength(), playlist.createdAt(), playlist.updatedAt(),
                ActorSummaryJson.of(playlist.owner(), localHost),
                playlist.channel() == null ? null : ActorSummaryJson.of(playlist.channel(), localHost));
    }
}
