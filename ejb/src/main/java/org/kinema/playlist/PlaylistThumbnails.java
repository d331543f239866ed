package org.kinema.playlist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kinema.media.MediaConversions;
import org.kinema.media.MediaException;
import org.kinema.media.MediaStore;
import org.kinema.platform.DomainException;
import org.kinema.platform.KinemaSettings;
import org.kinema.video.Privacy;
import org.kinema.video.Video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A playlist's thumbnail, a file of its own: the image its owner gives, or else a copy of its first
 * video's thumbnail, made again when the first video changes. Only a public video lends its
 * picture, so that a playlist never shows what its readers may not see.
 */
@ApplicationScoped
public class PlaylistThumbnails {

    @Inject
    private MediaStore store;

    @Inject
    private KinemaSettings settings;

    /** The owner's image, scaled as a video's thumbnail; a file that is not an image is refused. */
    public void useImage(Playlist playlist, Path image) {
        try {
            MediaConversions.image(settings.ffmpeg(), image, MediaConversions.THUMBNAIL_WIDTH, store.playlistThumbnail(playlist.uuid()));
        } catch (MediaException e) {
            throw DomainException.invalid("thumbnailfile is not an image: " + e.getMessage());
        }
        playlist.showThumbnail(Playlist.Thumbnail.CUSTOM);
    }

    /** The playlist's first video is now {@code first} (null when none): a thumbnail not of the owner's follows it. */
    public void follow(Playlist playlist, Video first) {
        if (playlist.thumbnail() == Playlist.Thumbnail.CUSTOM) {
            return;
        }
        Path picture = first == null ? null : store.thumbnail(first.uuid());
        boolean lends = first != null && first.isPublished() && first.privacy() == Privacy.PUBLIC && Files.isRegularFile(picture);
        if (!lends) {
            playlist.showThumbnail(null);
            return;
        }
        try {
            Path copy = Files.createTempFile(store.playlistThumbnail(playlist.uuid()).getParent(), "playlist-", ".part");
            Files.copy(picture, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.move(copy, store.playlistThumbnail(playlist.uuid()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the playlist's thumbnail", e);
        }
        playlist.showThumbnail(Playlist.Thumbnail.GENERATED);
    }
}
