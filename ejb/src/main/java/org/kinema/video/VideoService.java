package org.kinema.video;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.kinema.account.Account;
import org.kinema.account.AccountService;
import org.kinema.account.Caller;
import org.kinema.channel.ChannelService;
import org.kinema.channel.VideoChannel;
import org.kinema.account.UserRepository;
import org.kinema.instance.InstanceSecrets;
import org.kinema.instance.SecretPurpose;
import org.kinema.platform.DomainException;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Finding, listing, changing and deleting videos, with PeerTube's visibility rules: public
 * videos are listed; unlisted ones are reached only by their link; private ones only by their
 * owner; internal ones by anyone logged in. A video not yet published is its owner's alone.
 */
@Stateless
public class VideoService {

    @Inject
    private VideoRepository videos;

    @Inject
    private ChannelService channels;

    @Inject
    private AccountService accounts;

    @Inject
    private InstanceSecrets secrets;

    @Inject
    private UserRepository users;

    @Inject
    private ViewCounter views;

    @Inject
    private CustomImages images;

    @Inject
    private VideoPasswords passwords;

    @Inject
    private Event<VideoEvents.Deleted> deleted;

    @Inject
    private Event<VideoEvents.PrivacyChanged> privacyChanged;

    @Inject
    private Event<VideoEvents.Uploaded> queued;

    @Inject
    private Event<VideoEvents.Watching> watched;

    /** A video the caller (null when anonymous) may watch. */
    public Video get(Caller caller, String idOrUuid) {
        return get(caller, idOrUuid, null);
    }

    /**
     * A video the caller (null when anonymous) may watch, given the password the viewer sent
     * (PeerTube's {@code x-peertube-video-password} header; null when none): a password-protected
     * video opens with one of its passwords, unless the caller manages it. Every feature that shows
     * a video or acts on one (ratings, playlists, comments, history) asks here.
     */
    public Video get(Caller caller, String idOrUuid, String videoPassword) {
        Video video = find(idOrUuid);
        VideoAccess access = video.access();
        if (access.isWatchableBy(caller)) {
            return video;
        }
        if (!access.opensWithPasswordFor(caller)) {
            throw refusal(caller, "This video is not public: log in to watch it", "You may not watch this video");
        }
        if (videoPassword == null) {
            throw new DomainException(DomainException.Kind.FORBIDDEN,
                    "Please provide a password to access this password protected video", "video_requires_password");
        }
        if (!passwords.open(video, videoPassword)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN,
                    "Incorrect video password. Access to the video is denied.", "incorrect_video_password");
        }
        return video;
    }

    /**
     * Who may fetch the files of the video with this UUID, if the caller (or a file token) may; files
     * of videos others may not watch are as good as absent.
     */
    public VideoAccess forFiles(Caller caller, UUID uuid, String fileToken) {
        return openFiles(caller, videos.access(uuid).orElseThrow(() -> DomainException.notFound("File not found")), fileToken);
    }

    private VideoAccess openFiles(Caller caller, VideoAccess video, String fileToken) {
        if (!video.isWatchableBy(caller) && tokenHolder(video, fileToken).isEmpty()) {
            throw refusal(caller, "This video's files need a login or a file token", "You may not fetch this video's files");
        }
        return video;
    }

    /**
     * The file behind a public file name, with the same rule as {@link #forFiles}; an original
     * (kept private, as PeerTube keeps it) only for whoever manages its video.
     */
    public FileAccess fileNamed(Caller caller, String filename, String fileToken) {
        FileAccess file = videos.findFile(filename).orElseThrow(() -> DomainException.notFound("File not found"));
        if (file.kind() == FileKind.ORIGINAL) {
            return originalFile(caller, file, fileToken);
        }
        openFiles(caller, file.video(), fileToken);
        return file;
    }

    /** The original as uploaded: only for whoever manages its video (themselves, or with a file token given to them). */
    private FileAccess originalFile(Caller caller, FileAccess file, String fileToken) {
        VideoAccess video = file.video();
        boolean managed = video.isManagedBy(caller) || tokenHolder(video, fileToken)
                .flatMap(users::callerOf).filter(video::isManagedBy).isPresent();
        if (!managed) {
            throw refusal(caller, "The original file needs its owner's login or file token",
                    "Only the video's owner and administrators fetch the original file");
        }
        return file;
    }

    /** The original file's facts (PeerTube's video source), for whoever manages the video. */
    public VideoFile source(Caller caller, String idOrUuid) {
        Video video = managed(caller, idOrUuid);
        return videos.files(video).stream().filter(file -> file.kind() == FileKind.ORIGINAL).findFirst()
                .orElseThrow(() -> DomainException.notFound("Video source not found"));
    }

    /** What ffprobe says of one of the video's files (PeerTube's file metadata). */
    public String fileMetadata(Caller caller, String idOrUuid, String fileId) {
        Video video = get(caller, idOrUuid);
        return videos.files(video).stream()
                .filter(file -> file.kind() != FileKind.ORIGINAL && String.valueOf(file.id()).equals(fileId))
                .findFirst().map(file -> file.metadata() == null ? "{}" : file.metadata())
                .orElseThrow(() -> DomainException.notFound("Video file not found"));
    }

    /**
     * A token opening the files of a video the caller may watch, for one hour. Anyone who gives a
     * password-protected video's password gets one, logged in or not; others log in first.
     */
    public String issueFileToken(Caller caller, String idOrUuid, String videoPassword) {
        Video video = get(caller, idOrUuid, videoPassword);
        if (caller == null && video.privacy() != Privacy.PASSWORD_PROTECTED) {
            throw DomainException.unauthenticated("Authentication is required: send an OAuth bearer token", null);
        }
        return FileTokens.issue(video.uuid(), caller == null ? FileTokens.ANYONE : caller.userId(),
                Instant.now().getEpochSecond() + FileTokens.LIFETIME_SECONDS, secrets.key(SecretPurpose.FILE_TOKENS));
    }

    private java.util.Optional<Long> tokenHolder(VideoAccess video, String fileToken) {
        java.util.OptionalLong holder = FileTokens.holder(fileToken, video.uuid(), Instant.now().getEpochSecond(),
                secrets.key(SecretPurpose.FILE_TOKENS));
        return holder.isPresent() ? java.util.Optional.of(holder.getAsLong()) : java.util.Optional.empty();
    }

    private static DomainException refusal(Caller caller, String toAnonymous, String toUser) {
        return caller == null ? DomainException.unauthenticated(toAnonymous, null) : DomainException.forbidden(toUser);
    }

    public PageResult<Video> list(Caller caller, VideoFilter.Query query, Page page) {
        Set<Privacy> privacies = EnumSet.of(Privacy.PUBLIC);
        if (query.privacies() != null && !query.privacies().isEmpty()) {
            if (caller == null) {
                throw DomainException.unauthenticated("Log in as an administrator or moderator to filter videos by privacy", null);
            }
            if (!caller.canManageUsers()) {
                throw DomainException.forbidden("Only administrators and moderators filter videos by privacy");
            }
            privacies = EnumSet.noneOf(Privacy.class);
            for (Integer id : query.privacies()) {
                privacies.add(Privacy.of(id));
            }
        }
        return videos.list(new VideoFilter(privacies, true, null, null, null, query.categories(), query.languages(),
                query.nsfw(), query.localOnly()), page);
    }

    public PageResult<Video> listOfChannel(String handle, Page page) {
        VideoChannel channel = channels.get(handle);
        return videos.list(new VideoFilter(EnumSet.of(Privacy.PUBLIC), true, channel.id(), null, null, null, null, null,
                null), page);
    }

    public PageResult<Video> listOfAccount(String handle, Page page) {
        Account account = accounts.get(handle);
        return videos.list(new VideoFilter(EnumSet.of(Privacy.PUBLIC), true, null, account.id(), null, null, null, null,
                null), page);
    }

    /** All of the caller's own videos, whatever their privacy or state. */
    public PageResult<Video> listMine(Caller caller, Page page) {
        return videos.list(new VideoFilter(EnumSet.allOf(Privacy.class), false, null, null, caller.userId(), null, null,
                null, null), page);
    }

    /** A video the caller may watch (with its password, if it has one), with its files, as its page shows it. */
    public VideoDetails details(Caller caller, String idOrUuid, String videoPassword) {
        Video video = get(caller, idOrUuid, videoPassword);
        List<VideoFile> files = videos.files(video);
        if (video.isPublished() && !video.access().isManagedBy(caller)) {
            // a video published while encoding still has its original among its files: its owner's alone
            files = files.stream().filter(file -> file.kind() != FileKind.ORIGINAL).toList();
        }
        return new VideoDetails(video, video.tags(), files);
    }

    /** The files of the videos of a list (a feed's downloads), in one select. */
    public List<VideoFile> files(List<Video> list) {
        return videos.files(list);
    }

    /** The owner changes a video's metadata and, when given, its thumbnail or preview; the video's UUID. */
    public UUID describe(Caller caller, String idOrUuid, VideoDraft changes, Path thumbnail, Path preview) {
        Video video = managed(caller, idOrUuid);
        if (changes.channelId() != null && !changes.channelId().equals(video.channel().id())) {
            throw DomainException.invalid("Moving a video to another channel is not supported");
        }
        Privacy before = video.privacy();
        video.describe(changes);
        passwords.protect(video, changes.passwords());
        images.apply(video, thumbnail, preview);
        if (video.privacy() != before) {
            privacyChanged.fire(new VideoEvents.PrivacyChanged(video.id(), before, video.privacy()));
        }
        return video.uuid();
    }

    /** Deletes a video; the deletion of its files is recorded with it and done by the janitor. */
    public void delete(Caller caller, String idOrUuid) {
        Video video = managed(caller, idOrUuid);
        videos.remove(video);
        deleted.fire(new VideoEvents.Deleted(video.id(), video.uuid(), video.privacy(), video.channel().actor().id(),
                video.channel().account().actor().id()));
    }

    /** An administrator asks for the video to be transcoded again (e.g. after a failure). */
    public void retryTranscoding(Caller caller, String idOrUuid) {
        if (!caller.isAdministrator()) {
            throw DomainException.forbidden("Only administrators run transcoding jobs");
        }
        Video video = find(idOrUuid);
        if (video.state() == VideoState.TO_TRANSCODE) {
            throw DomainException.conflict("This video is already being transcoded");
        }
        video.retryTranscoding();
        queued.fire(new VideoEvents.Uploaded(video.id()));
    }

    /**
     * A viewer watched a video the caller may watch; it counts once per viewer per hour. The
     * viewer is named by the caller's address (and account when logged in), which is only hashed.
     * A logged-in viewer who says where they are in the video ({@code seconds}, or null) is
     * {@link #watching watching} it too.
     */
    public boolean recordView(Caller caller, String idOrUuid, String videoPassword, String viewerAddress, Integer seconds) {
        Video video = get(caller, idOrUuid, videoPassword);
        announceWatching(caller, video, seconds);
        if (!video.isPublished()) {
            return false;
        }
        return views.view(video, viewerAddress + "|" + (caller == null ? "" : caller.userId()));
    }

    /** A logged-in viewer is at this second of a video they may watch (for their history, to resume from). */
    public void watching(Caller caller, String idOrUuid, String videoPassword, int seconds) {
        announceWatching(caller, get(caller, idOrUuid, videoPassword), seconds);
    }

    private void announceWatching(Caller caller, Video video, Integer seconds) {
        if (caller == null || seconds == null) {
            return;
        }
        if (seconds < 0) {
            throw DomainException.invalid("currentTime must be a number of seconds, 0 or more");
        }
        watched.fire(new VideoEvents.Watching(video.id(), caller.userId(), seconds));
    }

    private Video find(String idOrUuid) {
        if (idOrUuid == null || idOrUuid.length() > 64) {
            throw DomainException.invalid("Incorrect video id");
        }
        return videos.findByAnyId(idOrUuid).orElseThrow(() -> DomainException.notFound("Video not found"));
    }

    /** A video the caller manages: its owner, administrators and moderators. */
    public Video managed(Caller caller, String idOrUuid) {
        Video video = find(idOrUuid);
        if (!video.access().isManagedBy(caller)) {
            throw DomainException.forbidden("You may not manage this video");
        }
        return video;
    }
}
