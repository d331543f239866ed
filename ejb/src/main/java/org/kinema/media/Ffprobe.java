package org.kinema.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.kinema.platform.KinemaSettings;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads what a file really is, by its content and never by its name. */
@ApplicationScoped
public class Ffprobe {

    @Inject
    private KinemaSettings settings;

    /** Reads an uploaded file (a request's work, stopped only with the node). */
    public MediaInfo probe(Path file) throws MediaException {
        return parse(json(settings.ffprobe(), file, ProcessGroup.REQUESTS));
    }

    /** Probes with a given ffprobe; a file without audio or video streams is not media. */
    public static MediaInfo probe(String ffprobe, Path file, ProcessGroup group) throws MediaException {
        return parse(json(ffprobe, file, group));
    }

    /** What ffprobe says of a file's format and streams, as its JSON. */
    public static String json(String ffprobe, Path file, ProcessGroup group) throws MediaException {
        StringBuilder json = new StringBuilder();
        List<String> command = new ArrayList<>(List.of(ffprobe, "-v", "error", "-print_format", "json", "-show_format",
                "-show_streams"));
        command.addAll(UntrustedInput.media(file));
        ProcessRunner.Result result = ProcessRunner.run(group, command, Duration.ofMinutes(2),
                line -> json.append(line).append('\n'));
        if (result.exitCode() != 0) {
            throw new MediaException("The file is not a video or audio file that can be read ("
                    + firstLine(result.errorTail()) + ")");
        }
        return json.toString();
    }

    static MediaInfo parse(String json) throws MediaException {
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            root = reader.readObject();
        }
        JsonArray streams = root.getJsonArray("streams");
        JsonObject video = null;
        JsonObject audio = null;
        for (JsonValue value : streams == null ? List.<JsonValue>of() : streams) {
            JsonObject stream = value.asJsonObject();
            String type = stream.getString("codec_type", "");
            boolean picture = stream.containsKey("disposition")
                    && stream.getJsonObject("disposition").getInt("attached_pic", 0) == 1;
            if (type.equals("video") && video == null && !picture) {
                video = stream;
            } else if (type.equals("audio") && audio == null) {
                audio = stream;
            }
        }
        if (video == null && audio == null) {
            throw new MediaException("The file has no video or audio stream");
        }
        JsonObject format = root.getJsonObject("format");
        double duration = number(format, "duration");
        if (duration <= 0 && video != null) {
            duration = number(video, "duration");
        }
        if (duration <= 0) {
            throw new MediaException("The file's duration cannot be read");
        }
        int width = video == null ? 0 : video.getInt("width", 0);
        int height = video == null ? 0 : video.getInt("height", 0);
        if (video != null && (width <= 0 || height <= 0)) {
            throw new MediaException("The video stream has no picture size");
        }
        return new MediaInfo(duration, video != null, audio != null, width, height,
                video == null ? 0 : frameRate(video.getString("avg_frame_rate", "0/0"), video.getString("r_frame_rate", "0/0")),
                (long) number(format, "bit_rate"),
                video == null ? null : video.getString("codec_name", null),
                audio == null ? null : audio.getString("codec_name", null));
    }

    private static double frameRate(String average, String real) {
        double fps = ratio(average);
        return fps > 0 && fps < 500 ? fps : ratio(real);
    }

    private static double ratio(String fraction) {
        String[] parts = fraction.split("/");
        try {
            double numerator = Double.parseDouble(parts[0]);
            double denominator = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
            return denominator == 0 ? 0 : numerator / denominator;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double number(JsonObject object, String key) {
        if (object == null || !object.containsKey(key)) {
            return 0;
        }
        try {
            return Double.parseDouble(object.getString(key));
        } catch (ClassCastException | NumberFormatException e) {
            return 0;
        }
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line.isEmpty() ? "no details" : line;
    }
}
