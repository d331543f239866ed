package org.kinema.tracker;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ws(s)://…/tracker/socket}: one instance per connection, handing frames to the
 * {@link Tracker}.
 *
 * <p>WildFly is configured not to dispatch WebSocket messages to worker threads
 * ({@code dispatch-to-worker=false}, {@code 30-undertow.cli}): the tracker handles them on the I/O
 * thread that read them, so nothing here may block; every send is asynchronous.
 *
 * <p>The client's address is the TCP peer of the socket, as Undertow holds it. No
 * {@code X-Forwarded-For} header is read or trusted, whatever {@code KINEMA_BEHIND_PROXY} says:
 * behind a reverse proxy every client has the proxy's address, so raise
 * {@code KINEMA_TRACKER_SOCKETS_PER_ADDRESS} there (the other limits are per connection).
 */
@ServerEndpoint("/tracker/socket")
public class TrackerEndpoint {

    private static final Logger LOG = Logger.getLogger(TrackerEndpoint.class.getName());
    /** Relayed messages waiting to be written to one client; beyond this the client is not reading. */
    private static final int MAX_PENDING_SENDS = 256;
    private static final int MAX_MESSAGE_BYTES = 64 * 1024;

    @Inject
    private Tracker tracker;

    private TrackerClient client;

    @OnOpen
    public void open(Session session) {
        // two missed announces and the connection is considered gone
        session.setMaxIdleTimeout(tracker.limits().interval().toMillis() * 5 / 2);
        session.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        client = tracker.open(new SessionConnection(session), peerAddress(session)).orElse(null);
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void message(String text) {
        if (client != null) {
            tracker.receive(client, text);
        }
    }

    @OnClose
    public void close() {
        if (client != null) {
            tracker.close(client);
            client = null;
        }
    }

    @OnError
    public void error(Throwable error) {
        LOG.log(Level.FINE, "Tracker connection failed", error);
    }

    /**
     * The socket's remote address. Jakarta WebSocket has no standard way to it; Undertow's session
     * exposes its channel, whose peer address is the socket's. Null when that is not there.
     */
    static InetAddress peerAddress(Session session) {
        try {
            Object channel = session.getClass().getMethod("getWebSocketChannel").invoke(session);
            Object address = channel.getClass().getMethod("getPeerAddress").invoke(channel);
            return address instanceof InetSocketAddress socket ? socket.getAddress() : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Tracker: cannot tell a client's address; the per-address limit will not apply", e);
            return null;
        }
    }

    /**
     * A session with asynchronous sends, dropping messages for a client that does not read them;
     * what it is sent during a turn of the I/O loop is written in one go ({@link TurnFlush}).
     */
    private static final class SessionConnection implements Connection, TurnFlush.Target {
        private final Session session;
        private final RemoteEndpoint.Async remote;
        private final TurnFlush turnFlush = new TurnFlush(this);
        private final AtomicInteger pending = new AtomicInteger();

        SessionConnection(Session session) {
            this.session = session;
            this.remote = session.getAsyncRemote();
        }

        @Override
        public boolean send(String text) {
            if (!session.isOpen() || pending.incrementAndGet() > MAX_PENDING_SENDS) {
                pending.decrementAndGet();
                return false;
            }
            try {
                turnFlush.beforeSend();
                remote.sendText(text, result -> pending.decrementAndGet());
                return true;
            } catch (RuntimeException e) {
                pending.decrementAndGet();
                return false;
            }
        }

        @Override
        public void holdFrames(boolean hold) {
            try {
                remote.setBatchingAllowed(hold);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void writeHeld() {
            try {
                remote.flushBatch();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void refuse(String text) {
            // on an I/O thread: no blocking send, the connection closes once the reason is written
            try {
                remote.sendText(text, result -> close());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Tracker: refusing a connection failed", e);
                close();
            }
        }

        private void close() {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many connections"));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "Tracker: closing a refused connection failed", e);
            }
        }

        @Override
        public boolean isOpen() {
            return session.isOpen();
        }
    }
}

