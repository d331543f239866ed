package org.kinema.media;

import java.nio.file.Path;
import java.util.List;

/**
 * How media tools open a file that a user sent: as a local file only (no network protocol, so a
 * playlist inside an upload cannot make the server fetch anything) and only through demuxers of
 * real media containers or images (no playlists, concat lists or device inputs).
 */
final class UntrustedInput {

    /** Containers and raw streams people upload video and audio in. */
    static final String MEDIA_DEMUXERS = String.join(",", "mov", "matroska", "avi", "flv", "asf", "mpegts", "mpeg",
            "mxf", "nut", "ogg", "mp3", "wav", "w64", "aiff", "caf", "flac", "aac", "ac3", "eac3", "amr", "wv", "m4v",
            "h264", "hevc", "mpegvideo", "dv", "ivf");
    /** Still images, for thumbnails and previews. */
    static final String IMAGE_DEMUXERS = String.join(",", "image2", "png_pipe", "jpeg_pipe", "webp_pipe", "bmp_pipe",
            "tiff_pipe", "gif");

    private UntrustedInput() {
    }

    /** The options that open a media file, ending with the file itself (as ffprobe takes it). */
    static List<String> media(Path file) {
        return List.of("-protocol_whitelist", "file", "-format_whitelist", MEDIA_DEMUXERS, file.toString());
    }

    /** {@code -i} with the options that open a media file, for ffmpeg. */
    static List<String> mediaInput(Path file) {
        return List.of("-protocol_whitelist", "file", "-format_whitelist", MEDIA_DEMUXERS, "-i", file.toString());
    }

    /** {@code -i} with the options that open an image, for ffmpeg. */
    static List<String> imageInput(Path file) {
        return List.of("-protocol_whitelist", "file", "-format_whitelist", IMAGE_DEMUXERS, "-i", file.toString());
    }
}
