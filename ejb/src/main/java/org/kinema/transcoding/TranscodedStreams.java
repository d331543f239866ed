package org.kinema.transcoding;

import org.kinema.video.FileKind;
import org.kinema.video.VideoFile;

import java.util.List;

/** What a finished transcoding produced: the streams' prefix and the new files with their torrents. */
public record TranscodedStreams(String hlsPrefix, int duration, Float aspectRatio, List<NewFile> files) {

    /** A new file with its torrent and what ffprobe says of it (PeerTube's file metadata). */
    public record NewFile(FileKind kind, String filename, VideoFile.Facts facts, String torrentFilename, String infoHash,
                          String metadata) {
    }
}
