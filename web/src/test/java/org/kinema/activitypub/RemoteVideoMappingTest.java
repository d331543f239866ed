package org.kinema.activitypub;

import org.junit.jupiter.api.Test;
import org.kinema.api.platform.JsonMapper;
import org.kinema.video.FileKind;
import org.kinema.video.RemoteVideo;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PeerTube's captured Video object, read into what this instance keeps of a remote video. */
class RemoteVideoMappingTest {

    private static final String HLS = "http://localhost:9001/static/streaming-playlists/hls/5f8cbd7c-4103-4fec-a7aa-772fac7eb91c/";

    private static RemoteVideo reference() throws Exception {
        VideoObject video = JsonMapper.mapper().readValue(ReferenceSamples.jsonAfter("Video object"), VideoObject.class);
        return RemoteObjects.remoteVideo(video);
    }

    @Test
    void theReferenceVideoPlaysFromItsOriginsMasterPlaylistWithItsSegmentHashes() throws Exception {
        RemoteVideo video = reference();
        assertEquals(HLS + "28448562-0646-443d-b200-df11f64e5619-master.m3u8", video.playlistUrl());
        assertEquals(HLS + "30c7d91f-aed7-4d13-9498-c2da00cab74c-segments-sha256.json", video.segmentsUrl());
    }

    @Test
    void theReferenceVideoKeepsItsIdUuidDurationAndPublicPrivacy() throws Exception {
        RemoteVideo video = reference();
        assertEquals("http://localhost:9001/videos/watch/5f8cbd7c-4103-4fec-a7aa-772fac7eb91c", video.url());
        assertEquals(UUID.fromString("5f8cbd7c-4103-4fec-a7aa-772fac7eb91c"), video.uuid());
        assertEquals(5, video.duration());
        assertEquals(1, video.description().privacy());
        assertEquals("fedcheck-1795560000", video.description().name());
    }

    @Test
    void theReferenceVideosRenditionsAndWebVideosAreFilesAtTheOrigin() throws Exception {
        RemoteVideo video = reference();
        assertEquals(2, video.files().stream().filter(file -> file.kind() == FileKind.WEB).count(), video.files()::toString);
        assertTrue(video.files().stream().filter(file -> file.kind() == FileKind.HLS)
                .allMatch(file -> file.url().startsWith(HLS) && file.url().endsWith("-fragmented.mp4")), video.files()::toString);
        assertTrue(video.files().stream().anyMatch(file -> file.kind() == FileKind.HLS && file.resolution() == 360));
    }
}
