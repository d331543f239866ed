package org.kinema.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An SMTP server for tests, on loopback: it takes every message (after a login with AUTH PLAIN,
 * when one is offered) and keeps it to be looked at, delivering nothing.
 */
final class SmtpSink implements AutoCloseable {

    /** A message as it came: who logged in, the envelope's sender and recipients, and the data. */
    record Message(String login, String from, List<String> to, String data) {
    }

    private final ServerSocket server;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    SmtpSink(int port) throws IOException {
        server = new ServerSocket(port, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The next message, or null when none comes within the time given. */
    Message next(long seconds) throws InterruptedException {
        return messages.poll(seconds, TimeUnit.SECONDS);
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException e) {
                // the connection or the sink closed
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        say(out, "220 sink ESMTP");
        String login = null;
        String from = null;
        List<String> to = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
            switch (verb) {
                case "EHLO" -> say(out, "250-sink\r\n250-AUTH PLAIN\r\n250 8BITMIME");
                case "HELO", "NOOP", "RSET" -> say(out, "250 ok");
                case "AUTH" -> {
                    String[] parts = new String(Base64.getDecoder().decode(line.substring("AUTH PLAIN ".length())),
                            StandardCharsets.UTF_8).split("\0");
                    login = parts[1] + ":" + parts[2];
                    say(out, "235 ok");
                }
                case "MAIL" -> {
                    from = line.substring(line.indexOf(':') + 1).trim();
                    say(out, "250 ok");
                }
                case "RCPT" -> {
                    to.add(line.substring(line.indexOf(':') + 1).trim());
                    say(out, "250 ok");
                }
                case "DATA" -> {
                    say(out, "354 go on");
                    StringBuilder data = new StringBuilder();
                    for (String text = in.readLine(); text != null && !text.equals("."); text = in.readLine()) {
                        data.append(text).append('\n');
                    }
                    messages.add(new Message(login, from, List.copyOf(to), data.toString()));
                    to.clear();
                    say(out, "250 kept");
                }
                case "QUIT" -> {
                    say(out, "221 bye");
                    return;
                }
                default -> say(out, "502 not here");
            }
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        acceptor.join(5000);
    }
}
