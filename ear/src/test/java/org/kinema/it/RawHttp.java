package org.kinema.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 on a bare socket, for what no client library sends: a Content-Length that lies, two
 * requests in one write, a body that stops half way. Reads what the server answers until it
 * closes the connection or stays silent for a while.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;

    RawHttp(String baseUrl) throws IOException {
        URI uri = URI.create(baseUrl);
        socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(5_000);
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** What the server sent, and whether it closed the connection (rather than fell silent). */
    record Received(String text, boolean closed) {
    }

    Received receive() throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                received.write(buffer, 0, read);
            }
            return new Received(received.toString(StandardCharsets.ISO_8859_1), true);
        } catch (SocketTimeoutException e) {
            return new Received(received.toString(StandardCharsets.ISO_8859_1), false);
        }
    }

    /** Stops in the middle: the connection goes without its request ever ending. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
