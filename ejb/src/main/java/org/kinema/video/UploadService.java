package org.kinema.video;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.kinema.account.Caller;
import org.kinema.account.User;
import org.kinema.account.UserRepository;
import org.kinema.channel.ChannelRepository;
import org.kinema.channel.VideoChannel;
import org.kinema.media.Ffprobe;
import org.kinema.media.MediaException;
import org.kinema.media.MediaInfo;
import org.kinema.media.MediaStore;
import org.kinema.platform.DomainException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Taking uploads, in one request (multipart) or in chunks (PeerTube's resumable protocol): a file
 * is accepted only if ffprobe reads it as media, the uploader owns the channel and the quotas
 * allow it. An accepted video keeps its original and waits for transcoding.
 */
@Stateless
public class UploadService {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Logger LOG = Logger.getLogger(UploadService.class.getName());

    @Inject
    private VideoRepository videos;

    @Inject
    private UploadSessionRepository sessions;

    @Inject
    private ChannelRepository channels;

    @Inject
    private UserRepository users;

    @Inject
    private MediaStore store;

    @Inject
    private Ffprobe ffprobe;

    @Inject
    private CustomImages images;

    @Inject
    private VideoPasswords passwords;

    @Inject
    private Event<VideoEvents.Uploaded> uploaded;

    /** Accepts an uploaded file (moved into the media store) as a new video. */
    public Video accept(Caller caller, VideoDraft draft, Path file, String filename, Path thumbnail, Path preview) {
        VideoChannel channel = ownedChannel(caller, draft.channelId());
        long size = size(file);
        checkQuota(caller, size);
        MediaInfo info = probe(file);
        Video video = Video.uploaded(channel, draft, safeName(filename), size, (int) Math.round(info.durationSeconds()));
        videos.add(video);
        passwords.protect(video, draft.passwords());
        String stored = video.uuid() + extension(filename);
        move(file, store.original(video.uuid(), extension(filename)));
        videos.add(new VideoFile(video, FileKind.ORIGINAL, stored, new VideoFile.Facts(info.resolution(), info.width(),
                info.height(), (float) info.fps(), info.bitrate(), size, info.hasAudio(), info.hasVideo(), null)));
        images.apply(video, thumbnail, preview);
        uploaded.fire(new VideoEvents.Uploaded(video.id()));
        return video;
    }

    /** Opens a resumable upload after the same checks as a whole upload, but the file's. */
    public UploadSession begin(Caller caller, VideoDraft draft, String filename, long size) {
        ownedChannel(caller, draft.channelId());
        if (draft.name() == null || draft.name().length() < Video.NAME_MIN || draft.name().length() > Video.NAME_MAX) {
            throw DomainException.invalid("Video name must be " + Video.NAME_MIN + " to " + Video.NAME_MAX + " characters");
        }
        if (size <= 0) {
            throw DomainException.invalid("X-Upload-Content-Length must give the file's size in bytes");
        }
        if (draft.privacy() != null && Privacy.of(draft.privacy()) == Privacy.PASSWORD_PROTECTED) {
            VideoPassword.check(draft.passwords());
        }
        checkQuota(caller, size);
        UploadSession session = new UploadSession(caller.userId(), JSON.toJson(draft), safeName(filename), size);
        sessions.add(session);
        try {
            Files.deleteIfExists(store.upload(session.id()));
            Files.createFile(store.upload(session.id()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the upload file", e);
        }
        return session;
    }

    /** Bytes received so far: the size of the upload's file, whichever node wrote it. */
    public long received(Caller caller, String uploadId) {
        session(caller, uploadId);
        return size(store.upload(uploadId));
    }

    /**
     * Writes one chunk at {@code offset} (a chunk sent again after a lost answer overwrites what
     * follows it) and returns the bytes received. A chunk beyond what was received is not written.
     * No transaction is held while the bytes stream in.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long write(Caller caller, String uploadId, long offset, long total, InputStream data) {
        UploadSession session = session(caller, uploadId);
        if (total != session.fileSize()) {
            throw DomainException.invalid("Content-Range total " + total + " differs from the announced size "
                    + session.fileSize());
        }
        Path file = store.upload(uploadId);
        long received = size(file);
        if (offset > received) {
            return received;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(offset);
            long position = offset;
            byte[] buffer = new byte[64 * 1024];
            for (int read = readChunk(data, buffer); read >= 0; read = readChunk(data, buffer)) {
                if (position + read > session.fileSize()) {
                    channel.truncate(offset);
                    throw DomainException.invalid("The chunk goes beyond the announced size of the file");
                }
                position += channel.write(ByteBuffer.wrap(buffer, 0, read), position);
            }
            return position;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the chunk", e);
        }
    }

    /** Reads the chunk on; a chunk the client stopped sending is its own failure, not ours. */
    private static int readChunk(InputStream data, byte[] buffer) {
        try {
            return data.read(buffer);
        } catch (IOException e) {
            LOG.fine(() -> "A chunk ended early: " + e);
            throw DomainException.invalid("The chunk could not be read to its end");
        }
    }

    /** The last chunk arrived: the file becomes a video. */
    public Video complete(Caller caller, String uploadId) {
        UploadSession session = session(caller, uploadId);
        Path file = store.upload(uploadId);
        if (size(file) != session.fileSize()) {
            throw DomainException.conflict("The upload is not complete");
        }
        VideoDraft draft = JSON.fromJson(session.draftJson(), VideoDraft.class);
        sessions.remove(session);
        return accept(caller, draft, file, session.filename(), null, null);
    }

    /** Cancels an upload; its bytes go with the janitor once the cancellation is committed. */
    public void cancel(Caller caller, String uploadId) {
        sessions.remove(session(caller, uploadId));
    }

    private UploadSession session(Caller caller, String uploadId) {
        return (uploadId == null || !uploadId.matches("[0-9a-f]{32}") ? Optional.<UploadSession>empty() : sessions.find(uploadId))
                .filter(session -> session.belongsTo(caller.userId()))
                .orElseThrow(() -> DomainException.notFound("Upload session not found"));
    }

    private VideoChannel ownedChannel(Caller caller, Long channelId) {
        if (channelId == null) {
            throw DomainException.invalid("channelId is required");
        }
        VideoChannel channel = channels.find(channelId)
                .orElseThrow(() -> DomainException.invalid("Unknown video channel " + channelId));
        if (!channel.account().belongsTo(caller.userId())) {
            throw DomainException.forbidden("You cannot upload to a channel that is not yours");
        }
        return channel;
    }

    private void checkQuota(Caller caller, long size) {
        User user = users.find(caller.userId())
                .orElseThrow(() -> DomainException.unauthenticated("User no longer exists", "invalid_token"));
        QuotaUse stored = videos.quotaUse(user.id());
        long announced = sessions.announcedBytesOf(user.id());
        QuotaUse used = new QuotaUse(stored.total() + announced, stored.daily() + announced);
        if (user.videoQuota() != User.UNLIMITED && used.total() + size > user.videoQuota()
                || user.videoQuotaDaily() != User.UNLIMITED && used.daily() + size > user.videoQuotaDaily()) {
            throw new DomainException(DomainException.Kind.FORBIDDEN,
                    "The user video quota is exceeded with this video", "quota_reached");
        }
    }

    private MediaInfo probe(Path file) {
        try {
            return ffprobe.probe(file);
        } catch (MediaException e) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "Video file unreadable: " + e.getMessage());
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the uploaded file", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String extension(String filename) {
        String name = filename == null ? "" : filename;
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
        return extension.matches("\\.[a-z0-9]{1,8}") ? extension : ".bin";
    }

    private static String safeName(String filename) {
        if (filename == null || filename.isBlank()) {
            return "video";
        }
        String base = Path.of(filename.replace('\\', '/')).getFileName().toString();
        return base.length() > 200 ? base.substring(0, 200) : base;
    }
}
