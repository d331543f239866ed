package org.kinema.video;

import java.util.List;

/** A video with its tags and files (largest first), loaded together for the video's own page. */
public record VideoDetails(Video video, List<String> tags, List<VideoFile> files) {
}
