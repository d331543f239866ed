package org.kinema.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Encodes a whole ladder in one ffmpeg process from one decode of the source: the decoded
 * picture is split and scaled once per rendition, each encoded in H.264 with AAC audio, with
 * keyframes forced every two seconds at the same instants in every rendition (and none at scene
 * cuts), so players can switch between them at any segment. Output: HLS with fragmented MP4, one
 * file per rendition ({@code {prefix}-{resolution}-fragmented.mp4}) and its byte-range playlist
 * ({@code {prefix}-{resolution}.m3u8}).
 */
public final class LadderEncoder {

    public static final int KEYFRAME_SECONDS = 2;
    public static final int SEGMENT_SECONDS = 4;
    private static final Duration TIMEOUT = Duration.ofHours(12);

    private LadderEncoder() {
    }

    public static List<String> command(String ffmpeg, Path source, MediaInfo info, List<Rendition> ladder, Path outDir,
                                       String prefix) {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-nostats", "-progress", "pipe:1"));
        command.addAll(UntrustedInput.mediaInput(source));
        StringBuilder streamMap = new StringBuilder();
        if (ladder.get(0).audioOnly()) {
            command.addAll(List.of("-map", "0:a:0", "-c:a", "aac", "-b:a", String.valueOf(Ladder.AUDIO_BITRATE), "-ac", "2"));
            streamMap.append("a:0,name:0");
        } else {
            command.add("-filter_complex");
            command.add(splitAndScale(ladder));
            for (int i = 0; i < ladder.size(); i++) {
                command.addAll(List.of("-map", "[v" + i + "]"));
                if (info.hasAudio()) {
                    command.addAll(List.of("-map", "0:a:0"));
                }
                streamMap.append(i == 0 ? "" : " ").append("v:").append(i)
                        .append(info.hasAudio() ? ",a:" + i : "").append(",name:").append(ladder.get(i).resolution());
            }
            command.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-pix_fmt", "yuv420p",
                    "-sc_threshold", "0", "-force_key_frames", "expr:gte(t,n_forced*" + KEYFRAME_SECONDS + ")"));
            if (info.fps() > 60) {
                command.addAll(List.of("-r", "60"));
            }
            for (int i = 0; i < ladder.size(); i++) {
                long bitrate = ladder.get(i).videoBitrate();
                command.addAll(List.of("-b:v:" + i, String.valueOf(bitrate), "-maxrate:v:" + i,
                        String.valueOf(bitrate * 3 / 2), "-bufsize:v:" + i, String.valueOf(bitrate * 2)));
            }
            if (info.hasAudio()) {
                command.addAll(List.of("-c:a", "aac", "-b:a", String.valueOf(Ladder.AUDIO_BITRATE), "-ac", "2"));
            }
        }
        command.addAll(List.of("-f", "hls", "-hls_time", String.valueOf(SEGMENT_SECONDS), "-hls_playlist_type", "vod",
                "-hls_segment_type", "fmp4", "-hls_flags", "single_file+independent_segments",
                "-hls_segment_filename", outDir.resolve(prefix + "-%v-fragmented.mp4").toString(),
                "-master_pl_name", prefix + "-ffmpeg-master.m3u8",
                "-var_stream_map", streamMap.toString(),
                outDir.resolve(prefix + "-%v.m3u8").toString()));
        return command;
    }

    /** Runs the encode, reporting progress in percent of the source's duration. */
    public static void encode(String ffmpeg, Path source, MediaInfo info, List<Rendition> ladder, Path outDir,
                              String prefix, ProcessGroup group, IntConsumer progress) throws MediaException {
        long durationMicros = Math.max(1, Math.round(info.durationSeconds() * 1_000_000));
        ProcessRunner.Result result = ProcessRunner.run(group, command(ffmpeg, source, info, ladder, outDir, prefix), TIMEOUT,
                line -> {
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

    static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
