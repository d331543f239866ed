package org.kinema.api.platform;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.kinema.platform.KinemaSettings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * What every request must respect before anything reads it (the first filter, see web.xml):
 * <ul>
 * <li>a body no larger than its path takes: PeerTube's 500 kB, except where files come in
 * ({@link #limit}); a {@code Content-Length} past it is refused at once, a chunked body that grows
 * past it fails its read, both as 413. (Undertow's own limit would close the connection of a
 * chunked body without an answer, so it bounds only the forms Undertow parses itself: a plain
 * form must say its length, a chunked upload form stops at the upload limit.)</li>
 * <li>no NUL character in its path, query or form fields: PostgreSQL refuses NUL in text, and
 * its refusal would abort the transaction serving the request;</li>
 * <li>a body left unread (refused before reading, or shorter than its {@code Content-Length}
 * said) closes the connection after the answer, instead of taking the next request on that
 * connection for the rest of this body.</li>
 * </ul>
 */
public class RequestLimits extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(RequestLimits.class.getName());

    /** PeerTube's limit for the bodies its API parses (JSON, forms): 500 kB. */
    public static final long DEFAULT_BODY = 500 * 1024;
    /** PeerTube's limit for a thumbnail or preview image. */
    public static final long IMAGE = 8 * 1024 * 1024;
    /** A video's changes: its fields and up to two images. */
    static final long VIDEO_CHANGE = 2 * IMAGE + DEFAULT_BODY;
    /** A playlist, new or changed: its fields and a thumbnail. */
    static final long PLAYLIST_FORM = IMAGE + DEFAULT_BODY;
    /** Undertow reads ahead of what is counted here: its limit leaves room, so that ours trips first. */
    private static final long UNDERTOW_SLACK = 1024 * 1024;
    private static final Pattern VIDEO = Pattern.compile("/api/v1/videos/[^/]+");
    private static final Pattern PLAYLIST = Pattern.compile("/api/v1/video-playlists/[^/]+");
    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    private KinemaSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServerExchange exchange = ServletRequestContext.requireCurrent().getExchange();
        closeWhenBodyIsLeftUnread(exchange);
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        HttpServletRequest bounded = bounded(request, exchange, limit(request.getMethod(), path, settings.maxUploadSize()),
                path, response);
        if (bounded == null) {
            return;
        }
        boolean nul;
        try {
            nul = hasNul(request.getRequestURI()) || hasNul(request.getQueryString()) || hasNulField(request);
        } catch (RuntimeException e) {
            refuseUnreadableForm(e, path, response);
            return;
        }
        if (nul) {
            Problem.of(400, "A NUL character is not accepted in a request", null, path).writeTo(response, true);
            return;
        }
        chain.doFilter(bounded, response);
    }

    /** The largest body a request may have: uploads take files, a video's changes two images, a playlist's one. */
    static long limit(String method, String path, long uploads) {
        boolean upload = method.equals("POST") && path.equals("/api/v1/videos/upload")
                || method.equals("PUT") && path.equals("/api/v1/videos/upload-resumable");
        if (upload) {
            return uploads;
        }
        if (method.equals("POST") && path.equals("/api/v1/video-playlists")
                || method.equals("PUT") && PLAYLIST.matcher(path).matches()) {
            return PLAYLIST_FORM;
        }
        return method.equals("PUT") && VIDEO.matcher(path).matches() ? VIDEO_CHANGE : DEFAULT_BODY;
    }

    /** On HTTP/1, where the next request follows this one's body on the connection. */
    private static void closeWhenBodyIsLeftUnread(HttpServerExchange exchange) {
        if (exchange.isHttp11() || exchange.isHttp10()) {
            exchange.addResponseCommitListener(answered -> {
                if (!answered.isRequestComplete()) {
                    answered.setPersistent(false);
                }
            });
        }
    }

    /** The request with its body bounded, or null when it was refused (413, or 411 for a form of unknown length). */
    private static HttpServletRequest bounded(HttpServletRequest request, HttpServerExchange exchange, long limit, String path,
                                              HttpServletResponse response) throws IOException {
        if (request.getContentLengthLong() > limit) {
            ProblemMapper.tooLarge(path).writeTo(response, true);
            return null;
        }
        boolean unsized = request.getContentLengthLong() < 0
                && (request.getHeader("Transfer-Encoding") != null || !(exchange.isHttp11() || exchange.isHttp10()));
        if (unsized && isForm(request)) {
            Problem.of(411, "A form must give its Content-Length", null, path).writeTo(response, true);
            return null;
        }
        // always a limit of our own: without one, Undertow takes its 2 MB default for multipart forms
        exchange.setMaxEntitySize(unsized ? limit + UNDERTOW_SLACK : limit);
        return unsized ? new BoundedBody(request, limit) : request;
    }

    /** A form the container could not read: too large, or the client stopped sending it (one quiet line). */
    private static void refuseUnreadableForm(RuntimeException failure, String path, HttpServletResponse response) {
        if (!ProblemMapper.isTooLarge(failure) && !ProblemMapper.isClientIo(failure)) {
            throw failure;
        }
        LOG.fine(() -> "Unreadable form on " + path + ": " + failure);
        try {
            ProblemMapper.problemFor(failure, path).writeTo(response, true);
        } catch (IOException gone) {
            LOG.fine(() -> "No answer to " + path + ": " + gone);
        }
    }

    private static boolean hasNul(String raw) {
        return raw != null && raw.contains("%00");
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(FORM);
    }

    /** Form fields, read here (the runtime reads them through the same request later). */
    private static boolean hasNulField(HttpServletRequest request) {
        if (!isForm(request)) {
            return false;
        }
        for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
            if (field.getKey().indexOf('\0') >= 0) {
                return true;
            }
            for (String value : field.getValue()) {
                if (value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A chunked body read through a count: past the limit the read fails as the container's own
     * limit would ({@link RequestTooBigException}, a 413), but the connection stays to carry the
     * answer, then closes (the rest of the body is never read).
     */
    private static final class BoundedBody extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream body;

        BoundedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                ServletInputStream in = super.getInputStream();
                body = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int next = in.read();
                        count(next < 0 ? 0 : 1);
                        return next;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int got = in.read(buffer, offset, length);
                        count(Math.max(got, 0));
                        return got;
                    }

                    private void count(int bytes) throws RequestTooBigException {
                        read += bytes;
                        if (read > limit) {
                            throw new RequestTooBigException("The request body is larger than " + limit + " bytes");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    charset == null ? StandardCharsets.ISO_8859_1 : Charset.forName(charset)));
        }
    }
}
