package org.kinema.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Encodes a whole ladder in one ffmpeg process from one decode of the source: the decoded
 * picture is split and scaled once per rendition, each encoded in H.264 with AAC audio, with
 * keyframes forced every two seconds (and at one second) at the same instants in every rendition
 * (and none at scene cuts), so players can switch between them at any segment; a segment is cut at
 * every keyframe: the first lasts one second, the others two. Output: HLS with fragmented MP4, one
 * file per rendition ({@code {prefix}-{resolution}-fragmented.mp4}) and its byte-range playlist
 * ({@code {prefix}-{resolution}.m3u8}). A long source may instead be encoded in parts, on several
 * nodes at once, and joined into the same output: the parts start on the segment grid and keep the
 * same keyframe grid, so the joined playlists cut the same segments.
 */
public final class LadderEncoder {

    public static final int KEYFRAME_SECONDS = 2;
    /** A segment per keyframe interval. */
    public static final int SEGMENT_SECONDS = KEYFRAME_SECONDS;
    /**
     * The first segment is shorter: a progressive encode is published when every rendition has its
     * first segment, so its length is the floor of the viewers' wait after an upload.
     */
    public static final int FIRST_SEGMENT_SECONDS = 1;
    private static final Duration TIMEOUT = Duration.ofHours(12);

    private LadderEncoder() {
    }

    public static List<String> command(String ffmpeg, Path source, MediaInfo info, List<Rendition> ladder, Path outDir,
                                       String prefix) {
        return command(ffmpeg, source, info, ladder, outDir, prefix, false);
    }

    /**
     * The encode, {@code progressive} or not: a progressive encode writes event playlists
     * ({@code {prefix}-{resolution}-encoder.m3u8}) that grow with each segment, for
     * {@link GrowingHls} to publish while the encode goes on.
     */
    public static List<String> command(String ffmpeg, Path source, MediaInfo info, List<Rendition> ladder, Path outDir,
                                       String prefix, boolean progressive) {
        return command(ffmpeg, source, info, ladder, outDir, prefix, progressive, 0, 0);
    }

    /**
     * The encode of a video source from {@code start} seconds on (a boundary of the 2 s segment
     * grid), as {@link #command} encodes the rest of it, its keyframes on the grid counted from
     * there: the tail that {@link #joinRenditionsCommand} joins to what a stopped encode made.
     */
    public static List<String> tailCommand(String ffmpeg, Path source, MediaInfo info, List<Rendition> ladder, int start,
                                           Path outDir, String prefix) {
        if (start <= 0 || start % SEGMENT_SECONDS != 0 || ladder.get(0).audioOnly()) {
            throw new IllegalArgumentException("A tail of a video starts on the 2 s grid, after its start: " + start);
        }
        return command(ffmpeg, source, info, ladder, outDir, prefix, false, start, 0);
    }

    /**
     * The first part of a long video source encoded as {@link #command} encodes a whole source
     * progressively (every rendition with its audio, event playlists that grow), of the part's time
     * range alone: a split video is published from it while other nodes encode the other parts;
     * {@link #renditionsToPartCommand} then makes of its files the part that {@link #joinCommand} joins.
     */
    public static List<String> firstPartCommand(String ffmpeg, Path source, MediaInfo info, List<Rendition> ladder,
                                                Part part, Path outDir, String prefix) {
        if (part.index() != 0 || part.start() != 0 || part.last() || ladder.get(0).audioOnly()) {
            throw new IllegalArgumentException("Not the first of several parts of a video: " + part);
        }
        return command(ffmpeg, source, info, ladder, outDir, prefix, true, 0, part.seconds());
    }

    /**
     * The part {@link #partCommand} would have encoded, made of the files of
     * {@link #firstPartCommand} (one per rendition, in ladder order): their video copied into one
     * MP4, without audio.
     */
    public static List<String> renditionsToPartCommand(String ffmpeg, List<Path> renditionFiles, Path out) {
        List<String> command = start(ffmpeg);
        for (Path file : renditionFiles) {
            command.addAll(List.of("-i", file.toString()));
        }
        for (int i = 0; i < renditionFiles.size(); i++) {
            command.addAll(List.of("-map", i + ":v:0"));
        }
        command.addAll(List.of("-c", "copy", "-an", "-f", "mp4", out.toString()));
        return command;
    }

    private static List<String> command(String ffmpeg, Path source, MediaInfo info, List<Rendition> ladder, Path outDir,
                                        String prefix, boolean progressive, int start, int seconds) {
        List<String> command = start(ffmpeg);
        if (progressive) {
            // the job looks for new segments as progress is reported: report often while viewers wait
            command.addAll(List.of("-stats_period", "0.2"));
        }
        if (start > 0) {
            command.addAll(List.of("-ss", String.valueOf(start)));
        }
        if (seconds > 0) {
            command.addAll(List.of("-t", String.valueOf(seconds)));
        }
        command.addAll(UntrustedInput.mediaInput(source));
        StringBuilder streamMap = new StringBuilder();
        if (ladder.get(0).audioOnly()) {
            command.addAll(List.of("-map", "0:a:0"));
            command.addAll(audioOptions());
            streamMap.append("a:0,name:0");
        } else {
            command.add("-filter_complex");
            command.add(splitAndScale(ladder));
            for (int i = 0; i < ladder.size(); i++) {
                command.addAll(List.of("-map", "[v" + i + "]"));
                if (info.hasAudio()) {
                    command.addAll(List.of("-map", "0:a:0"));
                }
            }
            command.addAll(videoOptions(info, ladder, start == 0));
            if (info.hasAudio()) {
                command.addAll(audioOptions());
            }
            streamMap.append(videoStreamMap(ladder, info.hasAudio()));
        }
        command.addAll(hlsOutput(outDir, prefix, streamMap.toString(), !ladder.get(0).audioOnly(), progressive));
        return command;
    }

    /**
     * The video of one part of a long source: every rendition, as {@link #command} encodes it,
     * of the time range alone (its keyframes on the same two-second grid, counted from the
     * part's start, which is on the segment grid), in one MP4 with a video stream per rendition
     * and no audio; {@link #joinCommand} makes the HLS output of the parts.
     */
    public static List<String> partCommand(String ffmpeg, Path source, MediaInfo info, List<Rendition> ladder, Part part,
                                           Path out) {
        List<String> command = start(ffmpeg);
        command.addAll(List.of("-ss", String.valueOf(part.start())));
        if (!part.last()) {
            command.addAll(List.of("-t", String.valueOf(part.seconds())));
        }
        command.addAll(UntrustedInput.mediaInput(source));
        command.addAll(List.of("-filter_complex", splitAndScale(ladder)));
        for (int i = 0; i < ladder.size(); i++) {
            command.addAll(List.of("-map", "[v" + i + "]"));
        }
        command.addAll(videoOptions(info, ladder, part.start() == 0));
        command.addAll(List.of("-an", "-f", "mp4", out.toString()));
        return command;
    }

    /** The audio of a split source, once for every rendition, as {@link #command} encodes it. */
    public static List<String> audioCommand(String ffmpeg, Path source, Path out) {
        List<String> command = start(ffmpeg);
        command.addAll(UntrustedInput.mediaInput(source));
        command.addAll(List.of("-map", "0:a:0", "-vn"));
        command.addAll(audioOptions());
        command.addAll(List.of("-f", "mp4", out.toString()));
        return command;
    }

    /**
     * Joins the parts (listed in order by {@code parts}, an ffconcat list whose entries give each
     * part's exact duration, so that timestamps continue on the grid) and the audio into the HLS
     * output {@link #command} writes: no encoding, the streams are copied.
     */
    public static List<String> joinCommand(String ffmpeg, Path parts, Path audio, List<Rendition> ladder, Path outDir,
                                           String prefix) {
        List<String> command = start(ffmpeg);
        command.addAll(List.of("-protocol_whitelist", "file", "-f", "concat", "-safe", "0", "-i", parts.toString()));
        if (audio != null) {
            command.addAll(List.of("-protocol_whitelist", "file", "-i", audio.toString()));
        }
        for (int i = 0; i < ladder.size(); i++) {
            command.addAll(List.of("-map", "0:v:" + i));
            if (audio != null) {
                command.addAll(List.of("-map", "1:a:0"));
            }
        }
        command.addAll(List.of("-c", "copy"));
        command.addAll(hlsOutput(outDir, prefix, videoStreamMap(ladder, audio != null), true, false));
        return command;
    }

    /**
     * Joins, rendition by rendition, files that each hold one rendition's video and audio in
     * order ({@code lists}: an ffconcat list per rendition of the ladder, as {@link #concatList}
     * writes them) into the HLS output {@link #command} writes: no encoding, the streams are copied.
     */
    public static List<String> joinRenditionsCommand(String ffmpeg, List<Path> lists, boolean audio, List<Rendition> ladder,
                                                     Path outDir, String prefix) {
        List<String> command = start(ffmpeg);
        for (Path list : lists) {
            command.addAll(List.of("-protocol_whitelist", "file", "-f", "concat", "-safe", "0", "-i", list.toString()));
        }
        for (int i = 0; i < ladder.size(); i++) {
            command.addAll(List.of("-map", i + ":v:0"));
            if (audio) {
                command.addAll(List.of("-map", i + ":a:0"));
            }
        }
        command.addAll(List.of("-c", "copy"));
        command.addAll(hlsOutput(outDir, prefix, videoStreamMap(ladder, audio), true, false));
        return command;
    }

    /** An ffconcat list of the parts' files (in the list's folder), each but the last with its exact duration. */
    public static String concatList(List<Part> parts, List<String> files) {
        StringBuilder list = new StringBuilder("ffconcat version 1.0\n");
        for (int i = 0; i < parts.size(); i++) {
            list.append("file '").append(files.get(i).replace("'", "'\\''")).append("'\n");
            if (!parts.get(i).last()) {
                list.append("duration ").append(parts.get(i).seconds()).append('\n');
            }
        }
        return list.toString();
    }

    /**
     * How a source of this length is cut to be encoded in parts of about {@code partSeconds}
     * (rounded down to whole segments, so every cut is a segment boundary of the unsplit output):
     * one part, the whole source, when it is too short to make two.
     */
    public static List<Part> parts(double durationSeconds, int partSeconds) {
        int length = Math.max(SEGMENT_SECONDS, partSeconds - partSeconds % SEGMENT_SECONDS);
        int count = partSeconds <= 0 ? 1 : (int) Math.max(1, Math.round(durationSeconds / length));
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean last = i == count - 1;
            int start = i * length;
            parts.add(new Part(i, start, last ? Math.max(1, (int) Math.ceil(durationSeconds) - start) : length, last));
        }
        return List.copyOf(parts);
    }

    private static List<String> start(String ffmpeg) {
        return new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-nostats",
                "-progress", "pipe:1"));
    }

    /**
     * The encoders' options; keyframes every two seconds, and at one second too when the output
     * starts the video ({@code fromStart}: not for a part after the first).
     */
    private static List<String> videoOptions(MediaInfo info, List<Rendition> ladder, boolean fromStart) {
        String keyframes = fromStart
                ? "expr:if(lt(n_forced,2),gte(t,n_forced*" + FIRST_SEGMENT_SECONDS + "),gte(t,(n_forced-1)*"
                        + KEYFRAME_SECONDS + "))"
                : "expr:gte(t,n_forced*" + KEYFRAME_SECONDS + ")";
        List<String> options = new ArrayList<>(List.of("-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high",
                "-pix_fmt", "yuv420p", "-sc_threshold", "0", "-force_key_frames", keyframes));
        if (info.fps() > 60) {
            options.addAll(List.of("-r", "60"));
        }
        for (int i = 0; i < ladder.size(); i++) {
            long bitrate = ladder.get(i).videoBitrate();
            options.addAll(List.of("-b:v:" + i, String.valueOf(bitrate), "-maxrate:v:" + i,
                    String.valueOf(bitrate * 3 / 2), "-bufsize:v:" + i, String.valueOf(bitrate * 2)));
        }
        return options;
    }

    private static List<String> audioOptions() {
        return List.of("-c:a", "aac", "-b:a", String.valueOf(Ladder.AUDIO_BITRATE), "-ac", "2");
    }

    private static String videoStreamMap(List<Rendition> ladder, boolean audio) {
        StringBuilder streamMap = new StringBuilder();
        for (int i = 0; i < ladder.size(); i++) {
            streamMap.append(i == 0 ? "" : " ").append("v:").append(i).append(audio ? ",a:" + i : "")
                    .append(",name:").append(ladder.get(i).resolution());
        }
        return streamMap.toString();
    }

    /**
     * HLS output: with video, a segment cut at every keyframe (the muxer cuts at the first keyframe
     * past a multiple of {@code hls_time}, so one second is every keyframe of this grid); audio alone
     * is cut every two seconds.
     */
    private static List<String> hlsOutput(Path outDir, String prefix, String streamMap, boolean video, boolean progressive) {
        return List.of("-f", "hls", "-hls_time", String.valueOf(video ? FIRST_SEGMENT_SECONDS : SEGMENT_SECONDS),
                "-hls_playlist_type", progressive ? "event" : "vod",
                "-hls_segment_type", "fmp4", "-hls_flags", "single_file+independent_segments",
                "-hls_segment_filename", outDir.resolve(prefix + "-%v-fragmented.mp4").toString(),
                "-master_pl_name", prefix + "-ffmpeg-master.m3u8",
                "-var_stream_map", streamMap,
                outDir.resolve(prefix + (progressive ? "-%v-encoder.m3u8" : "-%v.m3u8")).toString());
    }

    /** Runs the encode, reporting progress in percent of the source's duration. */
    public static void encode(String ffmpeg, Path source, MediaInfo info, List<Rendition> ladder, Path outDir,
                              String prefix, ProcessGroup group, IntConsumer progress) throws MediaException {
        encode(ffmpeg, source, info, ladder, outDir, prefix, false, group, progress);
    }

    public static void encode(String ffmpeg, Path source, MediaInfo info, List<Rendition> ladder, Path outDir,
                              String prefix, boolean progressive, ProcessGroup group, IntConsumer progress)
            throws MediaException {
        run(group, command(ffmpeg, source, info, ladder, outDir, prefix, progressive), info.durationSeconds(), progress);
    }

    /** Encodes the first part progressively ({@link #firstPartCommand}), reporting progress in percent of the part. */
    public static void encodeFirstPart(String ffmpeg, Path source, MediaInfo info, List<Rendition> ladder, Part part,
                                       Path outDir, String prefix, ProcessGroup group, IntConsumer progress)
            throws MediaException {
        run(group, firstPartCommand(ffmpeg, source, info, ladder, part, outDir, prefix), part.seconds(), progress);
    }

    public static void renditionsToPart(String ffmpeg, List<Path> renditionFiles, Path out, ProcessGroup group)
            throws MediaException {
        run(group, renditionsToPartCommand(ffmpeg, renditionFiles, out), 1, percent -> { });
    }

    /** Encodes one part's video, reporting progress in percent of the part. */
    public static void encodePart(String ffmpeg, Path source, MediaInfo info, List<Rendition> ladder, Part part, Path out,
                                  ProcessGroup group, IntConsumer progress) throws MediaException {
        run(group, partCommand(ffmpeg, source, info, ladder, part, out), part.seconds(), progress);
    }

    public static void encodeAudio(String ffmpeg, Path source, Path out, ProcessGroup group) throws MediaException {
        run(group, audioCommand(ffmpeg, source, out), 1, percent -> { });
    }

    public static void join(String ffmpeg, Path parts, Path audio, List<Rendition> ladder, Path outDir, String prefix,
                            ProcessGroup group) throws MediaException {
        run(group, joinCommand(ffmpeg, parts, audio, ladder, outDir, prefix), 1, percent -> { });
    }

    /** Encodes the tail of a video source from {@code start} seconds on, reporting progress in percent of the tail. */
    public static void encodeTail(String ffmpeg, Path source, MediaInfo info, List<Rendition> ladder, int start, Path outDir,
                                  String prefix, ProcessGroup group, IntConsumer progress) throws MediaException {
        run(group, tailCommand(ffmpeg, source, info, ladder, start, outDir, prefix), info.durationSeconds() - start, progress);
    }

    public static void joinRenditions(String ffmpeg, List<Path> lists, boolean audio, List<Rendition> ladder, Path outDir,
                                      String prefix, ProcessGroup group) throws MediaException {
        run(group, joinRenditionsCommand(ffmpeg, lists, audio, ladder, outDir, prefix), 1, percent -> { });
    }

    private static void run(ProcessGroup group, List<String> command, double seconds, IntConsumer progress)
            throws MediaException {
        long durationMicros = Math.max(1, Math.round(seconds * 1_000_000));
        ProcessRunner.Result result = ProcessRunner.run(group, command, TIMEOUT, line -> {
            if (line.startsWith("out_time_us=")) {
                try {
                    long done = Long.parseLong(line.substring("out_time_us=".length()).trim());
                    progress.accept((int) Math.min(99, done * 100 / durationMicros));
                } catch (NumberFormatException ignored) {
                    // "N/A" before the first frame
                }
            }
        });
        if (result.exitCode() != 0) {
            throw new MediaException("ffmpeg failed (exit " + result.exitCode() + "): " + result.errorTail());
        }
    }

    private static String splitAndScale(List<Rendition> ladder) {
        StringBuilder graph = new StringBuilder("[0:v:0]split=").append(ladder.size());
        for (int i = 0; i < ladder.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        for (int i = 0; i < ladder.size(); i++) {
            Rendition rendition = ladder.get(i);
            graph.append(";[s").append(i).append("]scale=").append(rendition.width()).append(':')
                    .append(rendition.height()).append(":flags=bicubic[v").append(i).append(']');
        }
        return graph.toString();
    }

}
