package org.kinema.bench;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A lean WebTorrent-tracker load generator: the protocol and the printed line of the shared
 * {@code loadgen.mjs}, written so that it needs as little of the machine's CPU as it can.
 *
 * <p>N WebSocket peers over M swarms, closed loop: every peer announces with K offers (an SDP of the
 * shared tool's size, fresh random offer ids), waits for the tracker's announce response and
 * announces again at once; a peer that is relayed an offer answers it, as a browser would. Peer ids,
 * offer ids and info hashes are 20 random bytes read as Latin-1, as browsers and the shared tool send
 * them. Prints one line: {@code peers=open/N swarms=M announces/s=… relayed_offers/s=… answers/s=…
 * p50_ms=… p99_ms=… errors=…}, counting from 3 s after the last socket was asked for.
 *
 * <p>Why not only the shared tool: it is one Node.js thread that spends about as much CPU per
 * announce as PeerTube's tracker does, so on a 2-core machine it cannot offer more than about 4,500
 * announces a second whatever tracker it measures. This one prepares every frame from bytes, reads
 * only the top-level keys of what it receives, and writes what a peer sends in one go, so most of the
 * cores are left to the tracker under test. Same load, same machine, for both trackers.
 *
 * <p>With a {@code rate}, the loop is open instead: the open peers announce in turn, {@code rate}
 * announces a second in all, whether or not earlier ones were answered (as browsers announce on a
 * timer). Both trackers then do the same work, and the CPU each spends on it compares directly.
 *
 * <p>{@code java -cp ear/target/test-classes:jackson-core.jar org.kinema.bench.TrackerLoad URL [peers=2000]
 * [swarms=100] [seconds=20] [offers=5] [threads=1] [rate=0: closed loop]}; {@code INFO_HASHES=hex,hex,…}
 * in the environment picks the swarms (Kinema tracks only videos it serves).
 */
public final class TrackerLoad {

    private static final byte[] SDP = json("v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\n" + "a=x\r\n".repeat(40));
    private static final byte[] OFFER_HEAD = ascii("{\"offer\":{\"type\":\"offer\",\"sdp\":");
    private static final byte[] ANSWER_TAIL = ascii(",\"answer\":{\"type\":\"answer\",\"sdp\":");
    private static final byte[] ANNOUNCE_HEAD = ascii("{\"action\":\"announce\",\"info_hash\":");
    private static final byte[] PEER_ID = ascii(",\"peer_id\":");
    private static final byte[] TO_PEER_ID = ascii(",\"to_peer_id\":");
    private static final byte[] OFFER_ID = ascii(",\"offer_id\":");
    private static final byte[] STARTED = ascii(",\"event\":\"started\"");
    private static final byte[] OFFERS_HEAD = ascii(",\"offers\":[");
    private static final byte[] OFFER_TAIL = ascii("},\"offer_id\":");
    private static final int OPEN_BATCH = 200;
    private static final long OPEN_PAUSE_NANOS = 50_000_000L;
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    private final URI uri;
    private final InetSocketAddress address;
    private final int offers;
    private final byte[][] swarms;
    private final byte[] counters;
    /** Announces per second of all peers together; 0: closed loop. */
    private final int rate;
    private volatile boolean measuring;
    private volatile boolean running = true;

    private TrackerLoad(URI uri, int offers, byte[][] swarms, int rate) {
        this.rate = rate;
        this.uri = uri;
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.offers = offers;
        this.swarms = swarms;
        this.counters = ascii(",\"numwant\":" + offers + ",\"uploaded\":0,\"downloaded\":0,\"left\":1000");
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int peers = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int swarmCount = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int offers = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        int rate = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        String given = System.getenv().getOrDefault("INFO_HASHES", "");
        byte[][] swarms = given.isBlank()
                ? randomSwarms(swarmCount)
                : Arrays.stream(given.split(",")).filter(h -> !h.isBlank()).map(h -> json(HexFormat.of().parseHex(h.trim())))
                .toArray(byte[][]::new);
        new TrackerLoad(uri, offers, swarms, rate).run(peers, swarmCount, seconds, threads);
    }

    private void run(int peers, int swarmCount, int seconds, int threadCount) throws Exception {
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) {
            List<Integer> mine = new ArrayList<>();
            for (int i = t; i < peers; i += threadCount) {
                mine.add(i);
            }
            workers.add(new Worker(mine, Math.max(1, OPEN_BATCH / threadCount), (double) rate / threadCount));
        }
        List<Thread> threads = new ArrayList<>();
        for (Worker worker : workers) {
            Thread thread = new Thread(worker, "tracker-load-" + threads.size());
            threads.add(thread);
            thread.start();
        }
        // as the shared tool: every socket asked for, then 3 s, then the measured window
        long allAskedFor = System.nanoTime() + (peers / OPEN_BATCH) * OPEN_PAUSE_NANOS;
        sleepUntil(allAskedFor + WARM_UP_NANOS);
        measuring = true;
        long start = System.nanoTime();
        sleepUntil(start + seconds * 1_000_000_000L);
        measuring = false;
        double elapsed = (System.nanoTime() - start) / 1e9;
        running = false;
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        long opened = 0;
        long done = 0;
        long offersIn = 0;
        long answersIn = 0;
        long errors = 0;
        int latencies = 0;
        for (Worker worker : workers) {
            opened += worker.opened;
            done += worker.done;
            offersIn += worker.offersIn;
            answersIn += worker.answersIn;
            errors += worker.errors;
            latencies += worker.latencyCount;
        }
        long[] all = new long[latencies];
        int at = 0;
        for (Worker worker : workers) {
            System.arraycopy(worker.latencyMicros, 0, all, at, worker.latencyCount);
            at += worker.latencyCount;
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "peers=%d/%d swarms=%d announces/s=%.0f relayed_offers/s=%.0f answers/s=%.0f"
                        + " p50_ms=%s p99_ms=%s errors=%d%n", opened, peers, swarmCount, done / elapsed,
                offersIn / elapsed, answersIn / elapsed, quantile(all, 0.5), quantile(all, 0.99), errors);
        System.out.flush();
        System.exit(0);
    }

    private static String quantile(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0) {
            return "NaN";
        }
        long micros = sortedMicros[Math.min(sortedMicros.length - 1, (int) Math.floor(sortedMicros.length * p))];
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    // ---------------------------------------------------------------- one thread's peers

    /** One selector thread with its share of the peers; nothing in it is shared with other threads. */
    private final class Worker implements Runnable {
        private final List<Integer> toOpen;
        private final int perBatch;
        private final ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);
        private final byte[] readBuffer = new byte[64 * 1024];
        private final ByteBuffer readWindow = ByteBuffer.wrap(readBuffer);
        private final int[] keys = new int[64];
        private int next;
        /** Fixed rate: the open peers, announcing in turn, one every {@code step} nanoseconds. */
        private final List<Peer> live = new ArrayList<>();
        private final long step;
        private long nextDue;
        private int turn;
        long opened;
        long done;
        long offersIn;
        long answersIn;
        long errors;
        long[] latencyMicros = new long[1 << 16];
        int latencyCount;

        Worker(List<Integer> toOpen, int perBatch, double announcesPerSecond) {
            this.toOpen = toOpen;
            this.perBatch = perBatch;
            this.step = announcesPerSecond > 0 ? (long) (1e9 / announcesPerSecond) : 0;
        }

        /** Fixed rate: the announces now due, in turn over the open peers; how long until the next, in ms. */
        private long announceDue() {
            long now = System.nanoTime();
            if (live.isEmpty()) {
                nextDue = now;
                return 5;
            }
            while (nextDue <= now) {
                Peer peer = live.get(turn++ % live.size());
                if (peer.open) {
                    peer.announce();
                    peer.flushQuietly();
                }
                nextDue += step;
            }
            return (nextDue - now) / 1_000_000;
        }

        @Override
        public void run() {
            try (Selector selector = Selector.open()) {
                long nextBatch = System.nanoTime();
                while (running) {
                    if (next < toOpen.size() && System.nanoTime() >= nextBatch) {
                        for (int n = 0; n < perBatch && next < toOpen.size(); n++) {
                            open(selector, toOpen.get(next++));
                        }
                        nextBatch += OPEN_PAUSE_NANOS;
                    }
                    // at least 1 ms: the next announce due sooner goes out with the one after it, not from a spin
                    selector.select(step > 0 ? Math.max(1, Math.min(5, announceDue())) : 5);
                    for (SelectionKey key : selector.selectedKeys()) {
                        Peer peer = (Peer) key.attachment();
                        try {
                            if (key.isConnectable()) {
                                peer.connected();
                            }
                            if (key.isValid() && key.isReadable()) {
                                peer.readable();
                            }
                            if (key.isValid() && key.isWritable()) {
                                peer.flush();
                            }
                        } catch (IOException | RuntimeException e) {
                            errors++;
                            peer.close();
                        }
                    }
                    selector.selectedKeys().clear();
                }
                for (SelectionKey key : selector.keys()) {
                    ((Peer) key.attachment()).close();
                }
            } catch (IOException e) {
                errors++;
            }
        }

        private void open(Selector selector, int index) {
            try {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                Peer peer = new Peer(channel, swarms[index % swarms.length]);
                peer.key = channel.register(selector, SelectionKey.OP_CONNECT, peer);
                if (channel.connect(address)) {
                    peer.connected();
                }
            } catch (IOException e) {
                errors++;
            }
        }

        private void latency(long nanos) {
            if (latencyCount == latencyMicros.length) {
                latencyMicros = Arrays.copyOf(latencyMicros, latencyCount * 2);
            }
            latencyMicros[latencyCount++] = nanos / 1000;
        }

        // ------------------------------------------------------------ one peer

        private final class Peer {
            private final SocketChannel channel;
            private final byte[] infoHash;
            private final byte[] peerId = json(randomBytes(20));
            private SelectionKey key;
            private ByteBuffer in = ByteBuffer.allocate(4096);
            private ByteBuffer out = ByteBuffer.allocate(4096);
            private boolean open;
            private boolean first = true;
            private long sentAt;
            /** Fixed rate: when each announce still unanswered was sent, oldest first. */
            private final java.util.ArrayDeque<Long> unanswered = new java.util.ArrayDeque<>();

            Peer(SocketChannel channel, byte[] infoHash) {
                this.channel = channel;
                this.infoHash = infoHash;
            }

            void connected() throws IOException {
                channel.finishConnect();
                byte[] nonce = randomBytes(16);
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                out = append(out, ascii("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                        + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n"));
                key.interestOps(SelectionKey.OP_READ);
                flush();
            }

            void readable() throws IOException {
                int read = channel.read(readWindow.clear());
                if (read < 0) {
                    close();
                    return;
                }
                in = append(in, readBuffer, 0, read);
                in.flip();
                if (!open && !handshake()) {
                    in.compact();
                    return;
                }
                while (open && frame()) {
                    // every complete frame handled
                }
                in.compact();
                flush();
            }

            /** The server's 101 response, once complete; false while it is not. */
            private boolean handshake() throws IOException {
                byte[] bytes = in.array();
                int end = -1;
                for (int i = in.position(); i + 3 < in.limit(); i++) {
                    if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                        end = i + 4;
                        break;
                    }
                }
                if (end < 0) {
                    return false;
                }
                String head = new String(bytes, in.position(), end - in.position(), StandardCharsets.ISO_8859_1);
                if (!head.startsWith("HTTP/1.1 101")) {
                    throw new IOException("no WebSocket: " + head.lines().findFirst().orElse(""));
                }
                in.position(end);
                open = true;
                opened++;
                if (step > 0) {
                    live.add(this);
                } else {
                    announce();
                }
                return true;
            }

            /** Handles one complete frame at the buffer's position; false if none is complete. */
            private boolean frame() throws IOException {
                int at = in.position();
                int available = in.remaining();
                if (available < 2) {
                    return false;
                }
                byte[] bytes = in.array();
                int opcode = bytes[at] & 0x0F;
                boolean fin = (bytes[at] & 0x80) != 0;
                boolean masked = (bytes[at + 1] & 0x80) != 0;
                long length = bytes[at + 1] & 0x7F;
                int header = 2;
                if (length == 126) {
                    if (available < 4) {
                        return false;
                    }
                    length = ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
                    header = 4;
                } else if (length == 127) {
                    if (available < 10) {
                        return false;
                    }
                    length = ByteBuffer.wrap(bytes, at + 2, 8).getLong();
                    header = 10;
                }
                if (masked) {
                    header += 4;
                }
                if (length > 16 * 1024 * 1024 || !fin) {
                    throw new IOException("unexpected frame: fin " + fin + ", length " + length);
                }
                if (available < header + length) {
                    if (in.capacity() < header + length) {
                        in = ByteBuffer.allocate((int) (header + length) * 2).put(in);
                        in.flip();
                    }
                    return false;
                }
                int start = at + header;
                int end = (int) (start + length);
                if (masked) {
                    for (int i = start; i < end; i++) {
                        bytes[i] ^= bytes[at + header - 4 + ((i - start) & 3)];
                    }
                }
                in.position(end);
                switch (opcode) {
                    case 1 -> message(bytes, start, end);
                    case 8 -> {
                        close();
                        return false;
                    }
                    case 9 -> send(0xA, bytes, start, end - start);
                    default -> {
                        // pongs and binary frames: nothing to do
                    }
                }
                return true;
            }

            /** What the shared tool does with a message, reading only its top-level keys. */
            private void message(byte[] bytes, int start, int end) {
                int offer = -1;
                int answer = -1;
                int failure = -1;
                int action = -1;
                int offerId = -1;
                int fromPeer = -1;
                int hash = -1;
                int count = topLevel(bytes, start, end, keys);
                for (int k = 0; k < count; k += 4) {
                    int keyStart = keys[k];
                    int keyEnd = keys[k + 1];
                    if (is(bytes, keyStart, keyEnd, "offer")) {
                        offer = k;
                    } else if (is(bytes, keyStart, keyEnd, "answer")) {
                        answer = k;
                    } else if (is(bytes, keyStart, keyEnd, "failure reason")) {
                        failure = k;
                    } else if (is(bytes, keyStart, keyEnd, "action")) {
                        action = k;
                    } else if (is(bytes, keyStart, keyEnd, "offer_id")) {
                        offerId = k;
                    } else if (is(bytes, keyStart, keyEnd, "peer_id")) {
                        fromPeer = k;
                    } else if (is(bytes, keyStart, keyEnd, "info_hash")) {
                        hash = k;
                    }
                }
                if (offer >= 0) {
                    if (measuring) {
                        offersIn++;
                    }
                    if (offerId < 0 || fromPeer < 0 || hash < 0) {
                        errors++;
                        return;
                    }
                    ByteBuffer m = scratch.clear();
                    m.put(ANNOUNCE_HEAD).put(bytes, keys[hash + 2], keys[hash + 3] - keys[hash + 2]);
                    m.put(PEER_ID).put(peerId);
                    m.put(TO_PEER_ID).put(bytes, keys[fromPeer + 2], keys[fromPeer + 3] - keys[fromPeer + 2]);
                    m.put(OFFER_ID).put(bytes, keys[offerId + 2], keys[offerId + 3] - keys[offerId + 2]);
                    m.put(ANSWER_TAIL).put(SDP).put((byte) '}').put((byte) '}');
                    send(1, m.array(), 0, m.position());
                    return;
                }
                if (answer >= 0) {
                    if (measuring) {
                        answersIn++;
                    }
                    return;
                }
                if (failure >= 0) {
                    errors++;
                }
                boolean announceResponse = action >= 0 && is(bytes, keys[action + 2] + 1, keys[action + 3] - 1, "announce");
                if (announceResponse && step > 0 && !unanswered.isEmpty()) {
                    long sent = unanswered.poll();
                    if (measuring) {
                        done++;
                        latency(System.nanoTime() - sent);
                    }
                    return;
                }
                if (announceResponse && sentAt != 0) {
                    if (measuring) {
                        done++;
                        latency(System.nanoTime() - sentAt);
                    }
                    sentAt = 0;
                    announce();
                }
            }

            private void announce() {
                sentAt = System.nanoTime();
                if (step > 0) {
                    unanswered.add(sentAt);
                }
                ByteBuffer m = scratch.clear();
                m.put(ANNOUNCE_HEAD).put(infoHash);
                m.put(PEER_ID).put(peerId);
                m.put(counters);
                if (first) {
                    m.put(STARTED);
                    first = false;
                }
                m.put(OFFERS_HEAD);
                for (int i = 0; i < offers; i++) {
                    if (i > 0) {
                        m.put((byte) ',');
                    }
                    m.put(OFFER_HEAD).put(SDP).put(OFFER_TAIL).put(json(randomBytes(20))).put((byte) '}');
                }
                m.put(ascii("]}"));
                send(1, m.array(), 0, m.position());
            }

            /** Appends one masked frame to what this peer sends next. */
            private void send(int opcode, byte[] payload, int offset, int length) {
                int header = length < 126 ? 6 : length < 65536 ? 8 : 14;
                if (out.remaining() < header + length) {
                    out = grow(out, header + length);
                }
                out.put((byte) (0x80 | opcode));
                if (length < 126) {
                    out.put((byte) (0x80 | length));
                } else if (length < 65536) {
                    out.put((byte) (0x80 | 126)).putShort((short) length);
                } else {
                    out.put((byte) (0x80 | 127)).putLong(length);
                }
                int mask = ThreadLocalRandom.current().nextInt();
                out.putInt(mask);
                byte[] key = {(byte) (mask >>> 24), (byte) (mask >>> 16), (byte) (mask >>> 8), (byte) mask};
                for (int i = 0; i < length; i++) {
                    out.put((byte) (payload[offset + i] ^ key[i & 3]));
                }
            }

            void flush() throws IOException {
                if (out.position() == 0 || !channel.isOpen()) {
                    return;
                }
                out.flip();
                channel.write(out);
                out.compact();
                key.interestOps(out.position() > 0 ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            }

            void flushQuietly() {
                try {
                    flush();
                } catch (IOException e) {
                    errors++;
                    close();
                }
            }

            void close() {
                open = false;
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    // ---------------------------------------------------------------- JSON bytes

    /**
     * The top-level members of the JSON object in {@code bytes[start, end)}: for each, four ints in
     * {@code into} (key start and end inside its quotes, value start and end); returns how many ints
     * it wrote. Stops at the array's size; tolerant of anything, as it only needs a few keys.
     */
    static int topLevel(byte[] bytes, int start, int end, int[] into) {
        int i = skipSpace(bytes, start, end);
        if (i >= end || bytes[i] != '{') {
            return 0;
        }
        int count = 0;
        i++;
        while (count + 4 <= into.length) {
            i = skipSpace(bytes, i, end);
            if (i >= end || bytes[i] != '"') {
                return count;
            }
            int keyEnd = skipString(bytes, i, end);
            into[count] = i + 1;
            into[count + 1] = keyEnd - 1;
            i = skipSpace(bytes, keyEnd, end);
            if (i >= end || bytes[i] != ':') {
                return count;
            }
            int valueStart = skipSpace(bytes, i + 1, end);
            int valueEnd = skipValue(bytes, valueStart, end);
            into[count + 2] = valueStart;
            into[count + 3] = valueEnd;
            count += 4;
            i = skipSpace(bytes, valueEnd, end);
            if (i >= end || bytes[i] != ',') {
                return count;
            }
            i++;
        }
        return count;
    }

    private static int skipSpace(byte[] bytes, int i, int end) {
        while (i < end && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** The index after the string whose opening quote is at {@code i}. */
    private static int skipString(byte[] bytes, int i, int end) {
        for (i++; i < end; i++) {
            if (bytes[i] == '\\') {
                i++;
            } else if (bytes[i] == '"') {
                return i + 1;
            }
        }
        return end;
    }

    private static int skipValue(byte[] bytes, int i, int end) {
        if (i >= end) {
            return end;
        }
        if (bytes[i] == '"') {
            return skipString(bytes, i, end);
        }
        if (bytes[i] == '{' || bytes[i] == '[') {
            int depth = 0;
            while (i < end) {
                byte b = bytes[i];
                if (b == '"') {
                    i = skipString(bytes, i, end);
                    continue;
                }
                if (b == '{' || b == '[') {
                    depth++;
                } else if (b == '}' || b == ']') {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                i++;
            }
            return end;
        }
        while (i < end && bytes[i] != ',' && bytes[i] != '}' && bytes[i] != ']' && bytes[i] != ' ') {
            i++;
        }
        return i;
    }

    private static boolean is(byte[] bytes, int start, int end, String ascii) {
        if (end - start != ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[start + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A JSON string (with its quotes, UTF-8) of the characters whose codes are {@code latin1}'s bytes. */
    static byte[] json(byte[] latin1) {
        return json(new String(latin1, StandardCharsets.ISO_8859_1));
    }

    /** A JSON string (with its quotes, UTF-8) of {@code text}. */
    static byte[] json(String text) {
        byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(text);
        byte[] quoted = new byte[escaped.length + 2];
        quoted[0] = '"';
        System.arraycopy(escaped, 0, quoted, 1, escaped.length);
        quoted[quoted.length - 1] = '"';
        return quoted;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static byte[][] randomSwarms(int count) {
        byte[][] swarms = new byte[count][];
        for (int i = 0; i < count; i++) {
            swarms[i] = json(randomBytes(20));
        }
        return swarms;
    }

    private static ByteBuffer append(ByteBuffer buffer, byte[] bytes) {
        return append(buffer, bytes, 0, bytes.length);
    }

    private static ByteBuffer append(ByteBuffer buffer, byte[] bytes, int offset, int length) {
        ByteBuffer target = buffer.remaining() < length ? grow(buffer, length) : buffer;
        return target.put(bytes, offset, length);
    }

    /** A buffer in write mode with the content of {@code buffer} and room for {@code more} bytes. */
    private static ByteBuffer grow(ByteBuffer buffer, int more) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + more + 1024));
        buffer.flip();
        return bigger.put(buffer);
    }
}
