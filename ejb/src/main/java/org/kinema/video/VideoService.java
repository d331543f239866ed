package org.kinema.video;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.kinema.account.Account;
import org.kinema.account.AccountService;
import org.kinema.account.Caller;
import org.kinema.channel.ChannelService;
import org.kinema.channel.VideoChannel;
import org.kinema.instance.InstanceService;
import org.kinema.platform.DomainException;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;

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
    private InstanceService instance;

    @Inject
    private ViewCounter views;

    @Inject
    private Event<VideoEvents.Deleted> deleted;

    @Inject
    private Event<VideoEvents.Uploaded> queued;

    /** A video the caller (null when anonymous) may watch. */
    public Video get(Caller caller, String idOrUuid) {
        Video video = find(idOrUuid);
        if (!canWatch(caller, video)) {
            throw caller == null
                    ? DomainException.unauthenticated("This video is not public: log in to watch it", null)
                    : DomainException.forbidden("You may not watch this video");
        }
        return video;
    }

    public boolean canWatch(Caller caller, Video video) {
        if (isManagedBy(caller, video)) {
            return true;
        }
        if (!video.isPublished()) {
            return false;
        }
        return switch (video.privacy()) {
            case PUBLIC, UNLISTED -> true;
            case INTERNAL -> caller != null;
            case PRIVATE -> false;
        };
    }

    /**
     * The video whose files are asked for, if the caller (or a file token) may fetch them; files
     * of videos others may not watch are as good as absent.
     */
    public Video forFiles(Caller caller, UUID uuid, String fileToken) {
        Video video = videos.findByUuid(uuid).orElseThrow(() -> DomainException.notFound("File not found"));
        boolean tokenOpens = fileToken != null
                && FileTokens.valid(fileToken, uuid, Instant.now().getEpochSecond(), instance.settings().fileTokenKey());
        if (!tokenOpens && !canWatch(caller, video)) {
            throw caller == null
                    ? DomainException.unauthenticated("This video's files need a login or a file token", null)
                    : DomainException.forbidden("You may not fetch this video's files");
        }
        return video;
    }

    /** The file behind a public file name, with the same rule as {@link #forFiles}. */
    public VideoFile fileNamed(Caller caller, String filename, String fileToken) {
        VideoFile file = videos.findFile(filename).orElseThrow(() -> DomainException.notFound("File not found"));
        forFiles(caller, file.video().uuid(), fileToken);
        return file;
    }

    /** A token opening the files of a video the caller may watch, for one hour. */
    public String issueFileToken(Caller caller, String idOrUuid) {
        Video video = get(caller, idOrUuid);
        return FileTokens.issue(video.uuid(), Instant.now().getEpochSecond() + FileTokens.LIFETIME_SECONDS,
                instance.settings().fileTokenKey());
    }

    public PageResult<Video> list(Caller caller, VideoFilter.Query query, Page page) {
        Set<Privacy> privacies = EnumSet.of(Privacy.PUBLIC);
        if (query.privacies() != null && !query.privacies().isEmpty()) {
            if (caller == null || !caller.isAdministrator() && !caller.role().canManageUsers()) {
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

    /** A video the caller may watch, with its files, as its page shows it. */
    public VideoDetails details(Caller caller, String idOrUuid) {
        Video video = get(caller, idOrUuid);
        return new VideoDetails(video, video.tags(), videos.files(video));
    }

    public void describe(Caller caller, String idOrUuid, VideoDraft changes) {
        Video video = managed(caller, idOrUuid);
        if (changes.channelId() != null && !changes.channelId().equals(video.channel().id())) {
            throw DomainException.invalid("Moving a video to another channel is not supported");
        }
        video.describe(changes);
    }

    public void delete(Caller caller, String idOrUuid) {
        Video video = managed(caller, idOrUuid);
        List<VideoFile> files = videos.files(video);
        List<String> torrents = files.stream().map(VideoFile::torrentFilename).filter(name -> name != null).toList();
        List<String> webVideos = files.stream().filter(file -> file.kind() == FileKind.WEB).map(VideoFile::filename).toList();
        String original = files.stream().filter(file -> file.kind() == FileKind.ORIGINAL).map(VideoFile::filename)
                .findFirst().orElse(null);
        videos.remove(video);
        deleted.fire(new VideoEvents.Deleted(video.uuid(), torrents, webVideos, original));
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
     */
    public boolean recordView(Caller caller, String idOrUuid, String viewerAddress) {
        Video video = get(caller, idOrUuid);
        if (!video.isPublished()) {
            return false;
        }
        return views.view(video, viewerAddress + "|" + (caller == null ? "" : caller.userId()));
    }

    private Video find(String idOrUuid) {
        if (idOrUuid == null || idOrUuid.length() > 64) {
            throw DomainException.invalid("Incorrect video id");
        }
        return videos.findByAnyId(idOrUuid).orElseThrow(() -> DomainException.notFound("Video not found"));
    }

    private Video managed(Caller caller, String idOrUuid) {
        Video video = find(idOrUuid);
        if (!isManagedBy(caller, video)) {
            throw DomainException.forbidden("You may not manage this video");
        }
        return video;
    }

    private static boolean isManagedBy(Caller caller, Video video) {
        if (caller == null) {
            return false;
        }
        if (caller.isAdministrator() || caller.role().canManageUsers()) {
            return true;
        }
        return video.channel().account().belongsTo(caller.userId());
    }
}
