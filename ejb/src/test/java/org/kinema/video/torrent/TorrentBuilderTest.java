package org.kinema.video.torrent;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TorrentBuilderTest {

    private static final int SIZE = 300 * 1024 + 123;
    private static final List<String> TRACKERS =
            List.of("wss://kinema.example/tracker/socket", "https://kinema.example/tracker/announce");
    private static final List<String> SEEDS =
            List.of("https://kinema.example/static/web-videos/a b+c-720.mp4");

    @TempDir
    Path dir;
    private byte[] content;
    private Path file;

    @BeforeEach
    void writeRandomFile() throws IOException {
        content = new byte[SIZE];
        new Random(42).nextBytes(content);
        file = Files.write(dir.resolve("video.mp4"), content);
    }

    private Torrent build() throws IOException {
        return TorrentBuilder.build(file, "Mon film é.mp4", TRACKERS, SEEDS, "Kinema");
    }

    private static Map<?, ?> decode(Torrent torrent) {
        return (Map<?, ?>) Bencode.decode(torrent.metainfo());
    }

    private static String text(Object bytes) {
        return new String((byte[]) bytes, StandardCharsets.UTF_8);
    }

    private static byte[] sha1(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-1").digest(data);
    }

    @Test
    void infoDescribesTheFile() throws IOException {
        Torrent torrent = build();
        Map<?, ?> info = (Map<?, ?>) decode(torrent).get("info");
        assertEquals((long) SIZE, info.get("length"));
        assertEquals("Mon film é.mp4", text(info.get("name")));
        assertEquals(16_384L, info.get("piece length"));
        assertEquals(16_384L, torrent.pieceLength());
        assertEquals((SIZE + 16_383) / 16_384, torrent.pieceCount());
    }

    @Test
    void pieceHashesMatchTheFileSlices() throws Exception {
        Torrent torrent = build();
        byte[] pieces = (byte[]) ((Map<?, ?>) decode(torrent).get("info")).get("pieces");
        int pieceLength = (int) torrent.pieceLength();
        assertEquals(torrent.pieceCount() * 20, pieces.length);
        for (int i = 0; i < torrent.pieceCount(); i++) {
            int end = Math.min(SIZE, (i + 1) * pieceLength);
            byte[] slice = Arrays.copyOfRange(content, i * pieceLength, end);
            assertArrayEquals(sha1(slice), Arrays.copyOfRange(pieces, i * 20, i * 20 + 20), "piece " + i);
        }
        assertTrue(SIZE % pieceLength != 0, "the last piece should be a short one");
    }

    @Test
    void infoHashIsTheSha1OfTheBencodedInfoDictionary() throws Exception {
        Torrent torrent = build();
        byte[] info = Bencode.encode(decode(torrent).get("info"));
        assertEquals(HexFormat.of().formatHex(sha1(info)), torrent.infoHash());
    }

    @Test
    void trackersAndWebSeedsAreAdvertised() throws IOException {
        Map<?, ?> metainfo = decode(build());
        assertEquals(TRACKERS.get(0), text(metainfo.get("announce")));
        List<?> tiers = (List<?>) metainfo.get("announce-list");
        assertEquals(TRACKERS.size(), tiers.size());
        for (int i = 0; i < tiers.size(); i++) {
            List<?> tier = (List<?>) tiers.get(i);
            assertEquals(1, tier.size());
            assertEquals(TRACKERS.get(i), text(tier.get(0)));
        }
        List<?> urlList = (List<?>) metainfo.get("url-list");
        assertEquals(SEEDS, urlList.stream().map(TorrentBuilderTest::text).toList());
        assertEquals("Kinema", text(metainfo.get("created by")));
        long created = (Long) metainfo.get("creation date");
        assertTrue(Math.abs(Instant.now().getEpochSecond() - created) < 60);
    }

    @Test
    void withoutTrackersOrSeedsThoseKeysAreOmitted() throws IOException {
        Map<?, ?> metainfo = decode(TorrentBuilder.build(file, "v.mp4", List.of(), List.of(), null));
        assertFalse(metainfo.containsKey("announce"));
        assertFalse(metainfo.containsKey("announce-list"));
        assertFalse(metainfo.containsKey("url-list"));
        assertFalse(metainfo.containsKey("created by"));
        assertTrue(metainfo.containsKey("info"));
    }

    @Test
    void anEmptyFileHasNoPieces() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        Torrent torrent = TorrentBuilder.build(empty, "empty.mp4", TRACKERS, SEEDS, "Kinema");
        Map<?, ?> info = (Map<?, ?>) decode(torrent).get("info");
        assertEquals(0L, info.get("length"));
        assertEquals(0, ((byte[]) info.get("pieces")).length);
        assertEquals(0, torrent.pieceCount());
    }

    @Test
    void pieceLengthGrowsWithSizeBetweenBounds() {
        assertEquals(16 * 1024, TorrentBuilder.pieceLength(0));
        assertEquals(16 * 1024, TorrentBuilder.pieceLength(16L * 1024 * 1500));
        assertEquals(32 * 1024, TorrentBuilder.pieceLength(16L * 1024 * 1500 + 1));
        assertEquals(1024 * 1024, TorrentBuilder.pieceLength(1_000_000_000L));
        assertEquals(16 * 1024 * 1024, TorrentBuilder.pieceLength(1L << 40));
        for (long size = 1; size < 1L << 34; size *= 3) {
            int length = TorrentBuilder.pieceLength(size);
            assertEquals(0, length & (length - 1), "power of two");
            assertTrue((size + length - 1) / length <= 1500, "at most 1500 pieces for " + size);
        }
    }

    @Test
    void magnetUriCarriesHashNameTrackersSeedsAndTorrentUrl() throws IOException {
        Torrent torrent = build();
        String magnet = torrent.magnetUri("Mon film é", "https://kinema.example/torrents/x y.torrent",
                TRACKERS, SEEDS);
        assertTrue(magnet.matches("magnet:\\?xt=urn:btih:[0-9a-f]{40}&.*"), magnet);
        assertTrue(magnet.startsWith("magnet:?xt=urn:btih:" + torrent.infoHash()));
        assertTrue(magnet.contains("&dn=Mon%20film%20%C3%A9"), magnet);
        assertTrue(magnet.contains("&xs=https%3A%2F%2Fkinema.example%2Ftorrents%2Fx%20y.torrent"), magnet);
        assertTrue(magnet.contains("&tr=wss%3A%2F%2Fkinema.example%2Ftracker%2Fsocket"), magnet);
        assertTrue(magnet.contains("&tr=https%3A%2F%2Fkinema.example%2Ftracker%2Fannounce"), magnet);
        assertTrue(magnet.contains(
                "&ws=https%3A%2F%2Fkinema.example%2Fstatic%2Fweb-videos%2Fa%20b%2Bc-720.mp4"), magnet);
        assertFalse(magnet.contains("+"));
        assertFalse(torrent.magnetUri("n", TRACKERS, SEEDS).contains("&xs="));
    }

    @Test
    void torrentsCompareByContentAndGuardTheirBytes() throws IOException {
        Torrent torrent = build();
        Torrent same = new Torrent(torrent.metainfo(), torrent.infoHash(), torrent.pieceLength(),
                torrent.pieceCount());
        assertEquals(torrent, same);
        assertEquals(torrent.hashCode(), same.hashCode());
        torrent.metainfo()[0] = 'x';
        assertEquals('d', torrent.metainfo()[0]);
        assertTrue(torrent.toString().contains(torrent.infoHash()));
        assertNotEquals(torrent, new Torrent(new byte[0], torrent.infoHash(), 16_384, 0));
    }
}
