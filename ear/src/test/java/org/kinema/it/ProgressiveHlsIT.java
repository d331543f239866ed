package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A video is published while its ladder is being encoded: what a PeerTube client sees just after
 * the upload, while it is watchable and still encoding, and once complete, and what a remote
 * follower hears (announced when watchable, with its playlist alone; its whole document in an
 * Update once complete); a failure after its publication withdraws it (a Delete for followers)
 * and keeps the original.
 */
@ExtendWith(KinemaServer.class)
class ProgressiveHlsIT {

    private static final String WORD = Fresh.name("progressive");
    private static InboxSink sink;
    private final Api api = KinemaServer.api();

    @BeforeAll
    static void remoteFollowers() throws Exception {
        sink = new InboxSink(4);
    }

    @AfterAll
    static void closeThem() {
        if (sink != null) {
            sink.close();
        }
    }

    /** A fresh user whose channel a remote Person on the sink's n-th host follows; returns the user's token. */
    private String uploaderFollowedFrom(int host) throws Exception {
        String token = api.newUser(Fresh.name("lecturer"), "lecturer-password");
        String remote = sink.host(host);
        RemoteFollowers.follow(RemoteFollowers.person(remote, "pat", "http://" + remote + "/accounts/pat/inbox", null),
                RemoteFollowers.channelActor(Videos.channelOf(api, token)));
        return token;
    }

    @Test
    void aVideoIsWatchableInEveryRenditionWhileItEncodesAndCompleteAfterwards() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-60s-480p.mp4"), 60, 854, 480);
        String token = uploaderFollowedFrom(0);
        String uuid = Videos.uploaded(api, token, clip, Map.of("name", "Lecture watched while it encodes " + WORD,
                "privacy", "1"));
        String url = api.baseUrl() + "/videos/watch/" + uuid;
        JsonNode uploaded = api.get("/api/v1/videos/" + uuid, token).json();
        assertTrue(Set.of(1, 2).contains(uploaded.path("state").path("id").asInt()), uploaded::toString);

        JsonNode watchable = null;
        boolean announcedWhileEncoding = false;
        Set<Integer> progressWhileWatchable = new TreeSet<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode video = uploaded;
        while (!Videos.complete(video) && Instant.now().isBefore(deadline)) {
            if (video.path("state").path("id").asInt() == 2) {
                // just uploaded: waiting for its streams, not listed, no playlist
                assertEquals(0, video.path("streamingPlaylists").size(), video::toString);
            } else if (video.path("state").path("id").asInt() == Videos.PUBLISHED) {
                progressWhileWatchable.add(video.path("transcodingProgress").asInt());
                if (watchable == null) {
                    watchable = video;
                    assertWatchableWhileEncoding(video, uuid);
                }
                announcedWhileEncoding |= !received(about("Announce", url)).isEmpty();
            }
            Thread.sleep(100);
            video = api.get("/api/v1/videos/" + uuid, token).json();
        }
        assertNotNull(watchable, "the video was published before its ladder was complete");
        assertTrue(announcedWhileEncoding, "its followers heard of it while it encoded: " + sink.received());
        assertTrue(progressWhileWatchable.size() >= 2 && progressWhileWatchable.stream().allMatch(p -> p < 100),
                "transcodingProgress kept moving while it was watchable: " + progressWhileWatchable);

        // complete: PeerTube's finished form
        JsonNode hls = video.path("streamingPlaylists").path(0);
        assertEquals(4, hls.path("files").size(), "every rendition with its torrent: " + hls);
        hls.path("files").forEach(file -> assertFalse(file.path("torrentUrl").asText().isBlank(), file::toString));
        assertEquals(1, video.path("files").size(), "the downloadable file: " + video);
        assertEquals(100, video.path("transcodingProgress").asInt());
        assertEquals(watchable.path("streamingPlaylists").path(0).path("playlistUrl").asText(), hls.path("playlistUrl").asText(),
                "the same master playlist");
        List<String> masterNow = bandwidths(body(hls.path("playlistUrl").asText()));
        assertEquals(bandwidthsSeenEarly, masterNow, "each rendition keeps its bandwidth, so its swarm keeps its name");
        for (String playlist : renditions(hls.path("playlistUrl").asText())) {
            String text = body(playlist);
            assertTrue(text.contains("#EXT-X-PLAYLIST-TYPE:VOD") && text.contains("#EXT-X-ENDLIST"), playlist + ":\n" + text);
        }
        assertHashesMatch(hls, true);
        Media.Result decoded = Media.decode(hls.path("playlistUrl").asText());
        assertEquals(0, decoded.exitCode(), decoded::output);

        JsonNode update = await(about("Update", url)).activity();
        JsonNode playlist = hlsLink(update.path("object"));
        assertEquals(4, files(playlist, "video/mp4").size(), "the Update brings every rendition's file: " + playlist);
        assertEquals(4, files(playlist, "application/x-bittorrent").size(), "and its torrent: " + playlist);
        assertEquals(2, received(about("Announce", url)).size(), "announced once, by the channel and the instance");
        assertEquals(0, sink.refused(), "every delivery verified against its signer's key");
    }

    private List<String> bandwidthsSeenEarly;

    private void assertWatchableWhileEncoding(JsonNode video, String uuid) throws Exception {
        JsonNode hls = video.path("streamingPlaylists").path(0);
        assertTrue(video.path("transcodingProgress").asInt() < 100, video::toString);
        assertEquals(0, hls.path("files").size(), "no rendition file listed while it grows: " + hls);
        // no downloadable file yet: its owner sees the original (PeerTube clients wait for files[0] to have a torrent)
        assertEquals(1, video.path("files").size(), video::toString);
        assertTrue(video.path("files").path(0).path("torrentUrl").isNull(), video::toString);
        assertTrue(video.path("files").path(0).path("fileUrl").asText().contains("/download/original-video-files/"),
                video::toString);
        JsonNode seenByViewers = api.get("/api/v1/videos/" + uuid, null).json();
        assertEquals(0, seenByViewers.path("files").size(), "viewers see no file but the playlist: " + seenByViewers);
        assertEquals(1, seenByViewers.path("streamingPlaylists").size(), seenByViewers::toString);
        Api.Reply master = api.get(URI.create(hls.path("playlistUrl").asText()).getPath(), null);
        assertEquals(200, master.status(), master::toString);
        assertFalse(String.valueOf(master.header("Cache-Control")).contains("immutable"), "a growing stream is revalidated");
        List<String> renditions = renditions(hls.path("playlistUrl").asText());
        assertEquals(4, renditions.size(), "the master names every rendition from the start: " + master.body());
        bandwidthsSeenEarly = bandwidths(master.body());
        for (String playlist : renditions) {
            String text = body(playlist);
            assertTrue(text.contains("#EXT-X-PLAYLIST-TYPE:EVENT"), playlist + ":\n" + text);
            assertFalse(text.contains("#EXT-X-ENDLIST"), "still growing: " + text);
            assertTrue(text.contains("#EXTINF:"), "a first segment in every rendition: " + text);
        }
        assertHashesMatch(hls, false);
        JsonNode listed = api.get("/api/v1/videos?count=100&sort=-publishedAt", null).json();
        assertTrue(listed.path("data").findValuesAsText("uuid").contains(uuid), "listed while it encodes");
        JsonNode found = api.get("/api/v1/search/videos?search=" + WORD, null).json();
        assertTrue(found.path("data").findValuesAsText("uuid").contains(uuid), "found while it encodes: " + found);
        // other servers fetch its document: the playlist and its hash map, no growing file
        Api.Reply document = api.send("GET", "/videos/watch/" + uuid, null, Map.of("Accept", "application/activity+json"), null);
        assertEquals(200, document.status(), document::toString);
        JsonNode playlist = hlsLink(document.json());
        assertEquals(hls.path("playlistUrl").asText(), playlist.path("href").asText());
        assertEquals(hls.path("segmentsSha256Url").asText(), files(playlist, "application/json").stream()
                .filter(tag -> "sha256".equals(tag.path("name").asText())).findFirst().orElseThrow().path("href").asText());
        assertEquals(List.of(), files(playlist, "video/mp4"), "no file while it grows: " + playlist);
        assertEquals(1, document.json().path("state").asInt(), "published: " + document.body());
    }

    @Test
    void aFailureAfterPublicationWithdrawsTheVideoAndKeepsTheOriginal() throws Exception {
        Path whole = Media.clip(Path.of("target", "media", "clip-60s-480p.mp4"), 60, 854, 480);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.createTempFile("half-", ".mp4");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        String token = uploaderFollowedFrom(1);
        String uuid = Videos.uploaded(api, token, cut, Map.of("name", "Recording cut off halfway", "privacy", "1"));
        String url = api.baseUrl() + "/videos/watch/" + uuid;

        boolean sawPublished = false;
        String master = null;
        JsonNode video = api.get("/api/v1/videos/" + uuid, token).json();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (video.path("state").path("id").asInt() != Videos.FAILED && Instant.now().isBefore(deadline)) {
            if (video.path("state").path("id").asInt() == Videos.PUBLISHED) {
                sawPublished = true;
                master = video.path("streamingPlaylists").path(0).path("playlistUrl").asText();
            }
            Thread.sleep(100);
            video = api.get("/api/v1/videos/" + uuid, token).json();
        }
        assertTrue(sawPublished, "it was published while encoding, before the damage was found");
        assertEquals(Videos.FAILED, video.path("state").path("id").asInt(), video::toString);
        assertTrue(video.path("transcodingError").asText().contains("damaged"), video::toString);
        assertEquals(0, video.path("streamingPlaylists").size(), "no half video: " + video);
        assertEquals(404, api.get(URI.create(master).getPath(), token).status(), "its half streams are gone");
        assertEquals(401, api.get(URI.create(master).getPath(), null).status(), "and not for viewers to ask for");
        assertEquals(401, api.get("/api/v1/videos/" + uuid, null).status(), "viewers no longer see it (its owner's alone)");
        JsonNode listed = api.get("/api/v1/videos?count=100&sort=-publishedAt", null).json();
        assertFalse(listed.path("data").findValuesAsText("uuid").contains(uuid), "no longer listed");
        JsonNode source = api.get("/api/v1/videos/" + uuid + "/source", token).json();
        assertArrayEquals(Files.readAllBytes(cut), api.bytes(source.path("fileDownloadUrl").asText(), token, null),
                "the original is kept as uploaded");
        await(about("Announce", url));
        await(about("Delete", url));
        assertEquals(0, sink.refused(), "every delivery verified against its signer's key");
    }

    // ------------------------------------------------------------ helpers

    /** Deliveries of this type about the video at {@code url}. */
    private static Predicate<InboxSink.Received> about(String type, String url) {
        return received -> {
            JsonNode object = received.activity().path("object");
            return type.equals(received.activity().path("type").asText())
                    && url.equals(object.isTextual() ? object.asText() : object.path("id").asText());
        };
    }

    private static List<InboxSink.Received> received(Predicate<InboxSink.Received> which) {
        return sink.received().stream().filter(which).toList();
    }

    private static InboxSink.Received await(Predicate<InboxSink.Received> which) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            List<InboxSink.Received> found = received(which);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Not delivered; deliveries: " + sink.received());
    }

    /** The HLS playlist's link in a video document's {@code url}. */
    private static JsonNode hlsLink(JsonNode video) {
        return StreamSupport.stream(video.path("url").spliterator(), false)
                .filter(link -> "application/x-mpegURL".equals(link.path("mediaType").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no playlist in " + video));
    }

    /** The tags of a playlist link of this media type. */
    private static List<JsonNode> files(JsonNode playlist, String mediaType) {
        return StreamSupport.stream(playlist.path("tag").spliterator(), false)
                .filter(tag -> mediaType.equals(tag.path("mediaType").asText())).toList();
    }

    private String body(String url) {
        Api.Reply reply = api.get(URI.create(url).getPath(), null);
        assertEquals(200, reply.status(), () -> url + ": " + reply);
        return reply.body();
    }

    private List<String> renditions(String masterUrl) {
        String folder = masterUrl.substring(0, masterUrl.lastIndexOf('/') + 1);
        return Media.uris(body(masterUrl)).stream().map(name -> folder + name).toList();
    }

    private static List<String> bandwidths(String master) {
        return master.lines().filter(line -> line.startsWith("#EXT-X-STREAM-INF:"))
                .map(line -> line.replaceAll(".*BANDWIDTH=(\\d+).*", "$1")).toList();
    }

    /**
     * Every segment a playlist lists has its hash in the map (read after the playlist: while the
     * video encodes, the map may know a segment more), and the bytes served match it.
     */
    private void assertHashesMatch(JsonNode hls, boolean complete) throws Exception {
        String master = hls.path("playlistUrl").asText();
        String folder = master.substring(0, master.lastIndexOf('/') + 1);
        for (String playlist : renditions(master)) {
            List<String> lines = body(playlist).lines().toList();
            String media = null;
            List<long[]> ranges = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("#EXT-X-BYTERANGE:")) {
                    String[] range = lines.get(i).substring("#EXT-X-BYTERANGE:".length()).split("@");
                    ranges.add(new long[] {Long.parseLong(range[1]), Long.parseLong(range[0])});
                    media = lines.get(i + 1);
                }
            }
            assertNotNull(media, playlist);
            JsonNode hashes = Api.JSON.readTree(body(hls.path("segmentsSha256Url").asText()));
            if (complete) {
                assertEquals(ranges.size(), hashes.path(media).size(), "a hash for each segment of " + media);
            }
            for (long[] range : ranges) {
                String key = range[0] + "-" + (range[0] + range[1] - 1);
                assertTrue(hashes.path(media).has(key), "the map has listed segment " + key + " of " + media);
                byte[] segment = api.bytes(folder + media, null, "bytes=" + key);
                assertEquals(hashes.path(media).path(key).asText(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(segment)), media + " " + key);
            }
        }
    }
}
