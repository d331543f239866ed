package org.kinema.activitypub;

import org.kinema.account.Account;
import org.kinema.actor.Actor;
import org.kinema.actor.ActorType;
import org.kinema.channel.VideoChannel;
import org.kinema.federation.RsaKeys;
import org.kinema.video.FileKind;
import org.kinema.video.Video;
import org.kinema.video.VideoDraft;
import org.kinema.video.VideoFile;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.List;

/**
 * Accounts, channels and videos of an instance at {@link #PUBLIC_URL}, built as the domain builds
 * them; what only the database or a finished transcoding gives (ids, keys, streams) is set directly.
 */
final class Fixtures {

    static final String PUBLIC_URL = "http://localhost:9001";
    private static final String[] KEYS = RsaKeys.generate();

    private Fixtures() {
    }

    static Account account(String name) {
        Actor actor = withKeys(Actor.local(ActorType.Person, name, PUBLIC_URL), 1L);
        Account account = instance(Account.class);
        set(account, "id", 1L);
        set(account, "actor", actor);
        set(account, "displayName", name);
        set(account, "createdAt", actor.createdAt());
        return account;
    }

    static VideoChannel channel(Account owner, String name) {
        VideoChannel channel = VideoChannel.open(name, "Channel of " + owner.name(), owner, PUBLIC_URL);
        withKeys(channel.actor(), 2L);
        set(channel, "id", 2L);
        return channel;
    }

    static Actor application() {
        return withKeys(Actor.application(PUBLIC_URL), 3L);
    }

    /** A public video whose HLS streams (240p and 360p) and downloadable MP4 are published. */
    static Video publishedVideo(VideoChannel channel) {
        Video video = Video.uploaded(channel, new VideoDraft(null, "Lecture", null, null, null, null, "On rivers", null,
                List.of("rivers"), null, null, null, null, null), "lecture.mp4", 1000, 5);
        set(video, "id", 7L);
        set(video, "hlsPrefix", "abc123");
        set(video, "publishedAt", video.createdAt());
        set(video, "updatedAt", video.createdAt());
        set(video, "aspectRatio", 1.7778f);
        return video;
    }

    static List<VideoFile> files(Video video) {
        return List.of(
                file(video, FileKind.HLS, "abc123-360-fragmented.mp4", 360, 640, 11L),
                file(video, FileKind.HLS, "abc123-240-fragmented.mp4", 240, 426, 12L),
                file(video, FileKind.WEB, video.uuid() + "-360.mp4", 360, 640, 13L));
    }

    private static VideoFile file(Video video, FileKind kind, String name, int height, int width, long id) {
        VideoFile file = new VideoFile(video, kind, name, new VideoFile.Facts(height, width, height, 25f, 500_000, 90_000,
                true, true, "avc1.64001f,mp4a.40.2"));
        set(file, "id", id);
        file.attachTorrent(name + ".torrent", "4300eb85a80c6f783feb4a72cf15caa7ff30d6d" + (id % 10));
        return file;
    }

    private static Actor withKeys(Actor actor, long id) {
        set(actor, "id", id);
        set(actor, "publicKey", KEYS[0]);
        set(actor, "privateKey", KEYS[1]);
        return actor;
    }

    private static <T> T instance(Class<T> type) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Object target, String name, Object value) {
        try {
            Field field = target.getClass().getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No field " + name + " in " + target.getClass(), e);
        }
    }
}
