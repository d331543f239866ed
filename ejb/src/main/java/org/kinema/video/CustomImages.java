package org.kinema.video;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kinema.media.MediaConversions;
import org.kinema.media.MediaException;
import org.kinema.media.MediaStore;
import org.kinema.platform.DomainException;
import org.kinema.platform.KinemaSettings;

import java.nio.file.Path;

/**
 * A thumbnail or preview its owner gives a video (at upload or later), scaled into the media
 * store in place of the ones transcoding makes; a file that is not an image is refused.
 */
@ApplicationScoped
public class CustomImages {

    @Inject
    private MediaStore store;

    @Inject
    private KinemaSettings settings;

    /** Takes the images given (either may be null). */
    public void apply(Video video, Path thumbnail, Path preview) {
        try {
            if (thumbnail != null) {
                MediaConversions.image(settings.ffmpeg(), thumbnail, MediaConversions.THUMBNAIL_WIDTH, store.thumbnail(video.uuid()));
            }
            if (preview != null) {
                MediaConversions.image(settings.ffmpeg(), preview, MediaConversions.PREVIEW_WIDTH, store.preview(video.uuid()));
            }
        } catch (MediaException e) {
            throw DomainException.invalid("Thumbnail or preview is not an image: " + e.getMessage());
        }
        video.useCustomImages(thumbnail != null, preview != null);
    }
}
