package org.kinema.media;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FfprobeTest {

    @Test
    void readsTheFirstVideoAndAudioStreams() throws Exception {
        MediaInfo info = Ffprobe.parse("""
                {"streams":[
                  {"codec_type":"video","codec_name":"h264","width":1920,"height":1080,"avg_frame_rate":"30000/1001","r_frame_rate":"30000/1001"},
                  {"codec_type":"audio","codec_name":"aac"}],
                 "format":{"duration":"12.5","bit_rate":"4000000"}}""");
        assertEquals(12.5, info.durationSeconds());
        assertEquals(1080, info.resolution());
        assertEquals(29.97, info.fps(), 0.01);
        assertTrue(info.hasAudio());
        assertEquals(4_000_000, info.bitrate());
    }

    @Test
    void coverArtIsNotAVideo() throws Exception {
        MediaInfo info = Ffprobe.parse("""
                {"streams":[
                  {"codec_type":"audio","codec_name":"mp3"},
                  {"codec_type":"video","codec_name":"mjpeg","width":500,"height":500,"disposition":{"attached_pic":1}}],
                 "format":{"duration":"180"}}""");
        assertFalse(info.hasVideo());
        assertEquals(0, info.resolution());
    }

    @Test
    void fileWithoutStreamsOrDurationIsNotMedia() {
        assertThrows(MediaException.class, () -> Ffprobe.parse("{\"streams\":[],\"format\":{}}"));
        assertThrows(MediaException.class, () -> Ffprobe.parse(
                "{\"streams\":[{\"codec_type\":\"audio\"}],\"format\":{\"duration\":\"N/A\"}}"));
    }
}
