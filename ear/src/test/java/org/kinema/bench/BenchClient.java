package org.kinema.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kinema.it.Media;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The few Kinema API calls the benchmark needs (login, upload, video state), on plain
 * {@code java.net.http}. Every call fails loudly on an unexpected status.
 */
final class BenchClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    BenchClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Logs in through the local OAuth client with the password grant and keeps the access token. */
    void login(String username, String password) throws IOException, InterruptedException {
        JsonNode client = get("/api/v1/oauth-clients/local");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", client.path("client_id").asText());
        form.put("client_secret", client.path("client_secret").asText());
        form.put("grant_type", "password");
        form.put("response_type", "code");
        form.put("username", username);
        form.put("password", password);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        JsonNode reply = send(request("/api/v1/users/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), "login of " + username);
        token = reply.path("access_token").asText(null);
        if (token == null || token.isEmpty()) {
            throw new IOException("Login of " + username + " returned no access_token: " + reply);
        }
    }

    /** The id of the logged-in user's first channel. */
    long firstChannelId() throws IOException, InterruptedException {
        JsonNode me = get("/api/v1/users/me");
        JsonNode channel = me.path("videoChannels").path(0);
        if (!channel.has("id")) {
            throw new IOException("/api/v1/users/me lists no channel: " + me);
        }
        return channel.path("id").asLong();
    }

    /**
     * Uploads {@code file} in one multipart request ({@code channelId}, {@code name},
     * {@code privacy} = public, file part {@code videofile}) and returns the created video's uuid.
     * Returns once the server's reply is in, i.e. once the upload is complete.
     */
    String upload(long channelId, String name, Path file) throws IOException, InterruptedException {
        String boundary = "----kinema-bench-" + Long.toHexString(System.nanoTime());
        StringBuilder head = new StringBuilder();
        field(head, boundary, "channelId", String.valueOf(channelId));
        field(head, boundary, "name", name);
        field(head, boundary, "privacy", "1");
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"videofile\"; filename=\"")
                .append(file.getFileName()).append("\"\r\n")
                .append("Content-Type: video/mp4\r\n\r\n");
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofByteArray(head.toString().getBytes(StandardCharsets.UTF_8)),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofByteArray(tail.getBytes(StandardCharsets.UTF_8)));
        JsonNode reply = send(request("/api/v1/videos/upload")
                .timeout(Duration.ofMinutes(10))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body), "upload of " + file);
        String uuid = reply.path("video").path("uuid").asText(null);
        if (uuid == null || uuid.isEmpty()) {
            throw new IOException("The upload reply has no video.uuid: " + reply);
        }
        return uuid;
    }

    /** A JSON POST that must answer 200 (e.g. an administrator creating a user), and its answer. */
    JsonNode postJson(String path, Map<String, ?> body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), "POST " + path);
    }

    JsonNode video(String uuid) throws IOException, InterruptedException {
        return get("/api/v1/videos/" + uuid);
    }

    /** Waits until the video is published; fails when it failed or took longer than {@code timeout}. */
    JsonNode awaitPublished(String uuid, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode video = video(uuid);
            int state = video.path("state").path("id").asInt();
            // published with its complete ladder (a video published while encoding lists no files yet)
            if (state == 1 && video.path("streamingPlaylists").path(0).path("files").size() > 0) {
                return video;
            }
            if (state == 7 || System.nanoTime() > deadline) {
                throw new IllegalStateException("Video " + uuid + " was not published: " + video);
            }
            Thread.sleep(250);
        }
    }

    /** Seconds from the end of an upload to playable and to the complete ladder (NaN if not waited for). */
    record Times(double playable, double complete) {
    }

    /**
     * Follows the video, uploaded at {@code uploaded} ({@link System#nanoTime}), until it is playable
     * ({@link #playable}) and, if {@code toTheEnd}, until its ladder is complete (every rendition
     * listed); looks every {@code pollMillis}.
     */
    Times publication(String uuid, long uploaded, boolean toTheEnd, Duration timeout, long pollMillis)
            throws IOException, InterruptedException {
        long deadline = uploaded + timeout.toNanos();
        double playable = Double.NaN;
        while (System.nanoTime() < deadline) {
            JsonNode video = video(uuid);
            int state = video.path("state").path("id").asInt();
            if (state == 7) {
                throw new IllegalStateException("Video " + uuid + ": transcoding failed: "
                        + video.path("transcodingError").asText());
            }
            double now = (System.nanoTime() - uploaded) / 1e9;
            if (Double.isNaN(playable) && state == 1 && playable(video)) {
                playable = now;
                if (!toTheEnd) {
                    return new Times(playable, Double.NaN);
                }
            }
            if (state == 1 && video.path("streamingPlaylists").path(0).path("files").size() > 0) {
                return new Times(playable, now);
            }
            Thread.sleep(pollMillis);
        }
        throw new IllegalStateException("Video " + uuid + ": not complete after " + timeout);
    }

    /** Whether the video can be played: its master playlist answers and every rendition's playlist lists a segment. */
    boolean playable(JsonNode video) throws IOException, InterruptedException {
        String master = video.path("streamingPlaylists").path(0).path("playlistUrl").asText();
        if (master.isEmpty()) {
            return false;
        }
        HttpResponse<String> reply = fetch(master);
        if (reply.statusCode() != 200) {
            return false;
        }
        String folder = master.substring(0, master.lastIndexOf('/') + 1);
        for (String rendition : Media.uris(reply.body())) {
            HttpResponse<String> playlist = fetch(folder + rendition);
            if (playlist.statusCode() != 200 || !playlist.body().contains("#EXTINF:")) {
                return false;
            }
        }
        return true;
    }

    /** The status and text of a GET of a path or of an absolute URL of this node (a playlist, a file). */
    HttpResponse<String> fetch(String pathOrUrl) throws IOException, InterruptedException {
        String path = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl).getRawPath() : pathOrUrl;
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Deletes a video (its transcoding, if any, stops). */
    void deleteVideo(String uuid) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/api/v1/videos/" + uuid).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new IOException("DELETE video " + uuid + " failed: " + response.statusCode() + " " + response.body());
        }
    }

    private static void field(StringBuilder body, String boundary, String name, String value) {
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send(request(path).GET(), "GET " + path);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private JsonNode send(HttpRequest.Builder builder, String what) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(what + " failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
