package org.kinema.video.torrent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds single-file BitTorrent v1 torrents, hashing the file as a stream so that files of
 * several gigabytes need no more memory than a small buffer and the piece hashes.
 */
public final class TorrentBuilder {

    static final int MIN_PIECE_LENGTH = 16 * 1024;
    static final int MAX_PIECE_LENGTH = 16 * 1024 * 1024;
    static final long TARGET_PIECE_COUNT = 1500;
    private static final int BUFFER_SIZE = 64 * 1024;

    private TorrentBuilder() {
    }

    /**
     * Hashes {@code file} into a torrent.
     *
     * @param file         the file to share; may be empty
     * @param name         the file name suggested to clients ({@code info.name})
     * @param announceUrls tracker URLs, each its own tier; the first is also {@code announce}
     * @param webSeedUrls  HTTP URLs serving the same bytes (BEP 19 {@code url-list})
     * @param createdBy    the {@code created by} value, omitted if null
     * @throws IOException if the file cannot be read
     */
    public static Torrent build(Path file, String name, List<String> announceUrls,
                                List<String> webSeedUrls, String createdBy) throws IOException {
        Objects.requireNonNull(file, "file");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A torrent needs a name");
        }
        int pieceLength = pieceLength(Files.size(file));
        Pieces pieces = hash(file, pieceLength);

        Map<String, Object> info = new LinkedHashMap<>();
        info.put("length", pieces.length());
        info.put("name", name);
        info.put("piece length", pieceLength);
        info.put("pieces", pieces.hashes());
        Map<String, Object> metainfo = new LinkedHashMap<>();
        if (!announceUrls.isEmpty()) {
            metainfo.put("announce", announceUrls.get(0));
            metainfo.put("announce-list", announceUrls.stream().map(List::of).toList());
        }
        if (!webSeedUrls.isEmpty()) {
            metainfo.put("url-list", List.copyOf(webSeedUrls));
        }
        if (createdBy != null) {
            metainfo.put("created by", createdBy);
        }
        metainfo.put("creation date", Instant.now().getEpochSecond());
        metainfo.put("info", info);

        String infoHash = HexFormat.of().formatHex(sha1().digest(Bencode.encode(info)));
        return new Torrent(Bencode.encode(metainfo), infoHash, pieceLength, pieces.count());
    }

    /** The smallest power of two from 16 KiB to 16 MiB giving about 1500 pieces or fewer. */
    static int pieceLength(long fileSize) {
        int length = MIN_PIECE_LENGTH;
        while (length < MAX_PIECE_LENGTH && fileSize > length * TARGET_PIECE_COUNT) {
            length *= 2;
        }
        return length;
    }

    private static Pieces hash(Path file, int pieceLength) throws IOException {
        MessageDigest digest = sha1();
        ByteArrayOutputStream hashes = new ByteArrayOutputStream();
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        int inPiece = 0;
        int count = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer, 0, Math.min(buffer.length, pieceLength - inPiece))) > 0) {
                digest.update(buffer, 0, read);
                total += read;
                inPiece += read;
                if (inPiece == pieceLength) {
                    hashes.writeBytes(digest.digest());
                    count++;
                    inPiece = 0;
                }
            }
        }
        if (inPiece > 0) {
            hashes.writeBytes(digest.digest());
            count++;
        }
        return new Pieces(total, hashes.toByteArray(), count);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK provides SHA-1", e);
        }
    }

    /** The outcome of hashing: bytes read, concatenated piece hashes, and how many pieces. */
    private record Pieces(long length, byte[] hashes, int count) {
    }
}
