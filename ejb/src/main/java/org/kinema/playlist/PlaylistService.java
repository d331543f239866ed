package org.kinema.playlist;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.kinema.account.Account;
import org.kinema.account.AccountRepository;
import org.kinema.account.AccountService;
import org.kinema.account.Caller;
import org.kinema.account.UserCreated;
import org.kinema.channel.ChannelRepository;
import org.kinema.channel.ChannelService;
import org.kinema.channel.VideoChannel;
import org.kinema.platform.DomainException;
import org.kinema.platform.KinemaSettings;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.video.ListedVideos;
import org.kinema.video.Video;
import org.kinema.video.VideoEvents;
import org.kinema.video.VideoService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Playlists as PeerTube has them: made, changed and deleted by their owner, seen by whoever their
 * privacy allows, their videos added, timed, moved and removed. Nobody finds a video through a
 * playlist that they could not find otherwise.
 */
@Stateless
public class PlaylistService {

    @Inject
    private PlaylistRepository playlists;

    @Inject
    private PlaylistThumbnails thumbnails;

    @Inject
    private VideoService videos;

    @Inject
    private AccountService accounts;

    @Inject
    private AccountRepository accountRepository;

    @Inject
    private ChannelService channels;

    @Inject
    private ChannelRepository channelRepository;

    @Inject
    private KinemaSettings settings;

    /** Every user has a Watch later playlist from the start. */
    public void giveWatchLater(@Observes UserCreated created) {
        playlists.add(Playlist.watchLater(created.account(), settings.publicUrl()));
    }

    /** A video's privacy changed: a playlist shows its picture only while it is public. */
    public void videoPrivacyChanged(@Observes VideoEvents.PrivacyChanged changed) {
        playlists.showingPictureOf(changed.videoId()).forEach(playlist -> thumbnails.follow(playlist, firstVideo(playlist)));
    }

    /** A video was deleted: the playlists that showed its picture no longer do. */
    public void videoDeleted(@Observes VideoEvents.Deleted deleted) {
        playlists.showingPictureOf(null).forEach(playlist -> thumbnails.follow(playlist, null));
    }

    public Playlist create(Caller caller, PlaylistDraft draft, Path thumbnail) {
        Playlist playlist = Playlist.create(accountOf(caller), channel(draft), draft, settings.publicUrl());
        playlists.add(playlist);
        if (thumbnail != null) {
            thumbnails.useImage(playlist, thumbnail);
        }
        return playlist;
    }

    /** A playlist the caller may see: a private one only its owner. */
    public ListedPlaylist get(Caller caller, String playlistId) {
        Playlist playlist = visible(caller, playlistId);
        return new ListedPlaylist(playlist, playlists.length(playlist));
    }

    public void describe(Caller caller, String playlistId, PlaylistDraft changes, Path thumbnail) {
        Playlist playlist = managed(caller, playlistId);
        playlist.describe(changes, channel(changes));
        if (thumbnail != null) {
            thumbnails.useImage(playlist, thumbnail);
        }
    }

    /** Deletes a playlist (its thumbnail goes with the janitor); a Watch later playlist stays. */
    public void delete(Caller caller, String playlistId) {
        Playlist playlist = find(playlistId);
        if (!playlist.isRemovableBy(caller, accountIdOf(caller))) {
            throw DomainException.forbidden("You may not delete this playlist");
        }
        if (playlist.type() == PlaylistType.WATCH_LATER) {
            throw DomainException.invalid("A Watch later playlist cannot be deleted");
        }
        playlists.remove(playlist);
    }

    /** The public playlists, newest first (of one type when given). */
    public PageResult<ListedPlaylist> listPublic(PlaylistType type, Page page) {
        return withLengths(playlists.listPublic(type, page));
    }

    /** Public playlists whose name holds the text (for the search feature). */
    public PageResult<ListedPlaylist> searchPublic(String text, Page page) {
        return withLengths(playlists.searchPublic(text, page));
    }

    /** An account's playlists: all of them for its owner, the public ones for others. */
    public PageResult<ListedPlaylist> listOfAccount(Caller caller, String accountHandle, String search, PlaylistType type,
                                                    Page page) {
        Account account = accounts.get(accountHandle);
        boolean own = account.id().equals(accountIdOf(caller));
        return withLengths(playlists.ofAccount(account, own, type, search == null || search.isBlank() ? null : search.trim(), page));
    }

    /** A channel's playlists: all of them for its owner, the public ones for others. */
    public PageResult<ListedPlaylist> listOfChannel(Caller caller, String channelHandle, PlaylistType type, Page page) {
        VideoChannel channel = channels.get(channelHandle);
        boolean own = channel.account().id().equals(accountIdOf(caller));
        return withLengths(playlists.ofChannel(channel, own, type, page));
    }

    /** The caller's own special playlists (their Watch later), as PeerTube's {@code specialPlaylists}. */
    public List<Playlist> specialOf(Caller caller) {
        return accountRepository.ofUser(caller.userId()).flatMap(playlists::watchLaterOf).stream().toList();
    }

    /** A page of a playlist's elements, each as the caller may see it. */
    public PageResult<ShownElement> elements(Caller caller, String playlistId, Page page) {
        Playlist playlist = visible(caller, playlistId);
        boolean own = playlist.isOwnedBy(accountIdOf(caller));
        return playlists.elements(playlist, page).map(element -> new ShownElement(element, element.typeFor(caller, own)));
    }

    /** The owner adds a video they may watch at the end of the playlist, optionally from a start to a stop. */
    public PlaylistElement add(Caller caller, String playlistId, String videoId, String videoPassword, Integer start, Integer stop) {
        Playlist playlist = managed(caller, playlistId);
        Video video = videos.get(caller, videoId, videoPassword);
        playlists.lock(playlist);
        int position = Math.toIntExact(playlists.length(playlist) + 1);
        PlaylistElement element = new PlaylistElement(playlists.nextElementId(), playlist, video, position, start, stop);
        playlists.add(element);
        playlist.touch();
        if (position == 1) {
            thumbnails.follow(playlist, video);
        }
        return element;
    }

    public void retime(Caller caller, String playlistId, long elementId, Integer start, Integer stop) {
        Playlist playlist = managed(caller, playlistId);
        element(playlist, elementId).retime(start, stop);
        playlist.touch();
    }

    public void remove(Caller caller, String playlistId, long elementId) {
        Playlist playlist = managed(caller, playlistId);
        playlists.lock(playlist);
        PlaylistElement element = element(playlist, elementId);
        playlists.remove(element);
        playlist.touch();
        if (element.position() == 1) {
            thumbnails.follow(playlist, firstVideo(playlist));
        }
    }

    /**
     * Moves {@code length} elements from position {@code start} to just after {@code after} (0:
     * to the front), as PeerTube's reorder; any number at once, in one statement.
     */
    public void reorder(Caller caller, String playlistId, int start, int after, int length) {
        Playlist playlist = managed(caller, playlistId);
        playlists.lock(playlist);
        long size = playlists.length(playlist);
        if (start < 1 || after < 0 || length < 1) {
            throw DomainException.invalid("startPosition and reorderLength are 1 or more, insertAfterPosition 0 or more");
        }
        if (start > size || after > size) {
            throw DomainException.invalid("Start position or insert after position exceed the playlist limits (max: " + size + ")");
        }
        long end = (long) start + length - 1;
        if (end > size) {
            throw DomainException.invalid("Reorder length with this start position exceeds the playlist limits (max: "
                    + (size - start + 1) + ")");
        }
        if (after >= start && after < end) {
            throw DomainException.invalid("insertAfterPosition cannot be inside the elements moved");
        }
        if (after == start - 1 || after == end) {
            return;
        }
        playlists.move(playlist, start, length, after);
        playlist.touch();
        if (start == 1 || after == 0) {
            thumbnails.follow(playlist, firstVideo(playlist));
        }
    }

    /** Where each of these videos is in the caller's playlists (none for a video they may no longer find). */
    public Map<Long, List<PlaylistPlace>> placesOf(Caller caller, List<Long> videoIds) {
        Account account = accountOf(caller);
        Map<Long, List<PlaylistPlace>> places = new LinkedHashMap<>();
        videoIds.forEach(id -> places.put(id, new ArrayList<>()));
        for (Object[] row : playlists.placesOf(account, videoIds, new ListedVideos(caller, account.id(), true))) {
            places.get(((Number) row[0]).longValue()).add(new PlaylistPlace(((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue(), (Integer) row[3], (Integer) row[4]));
        }
        return places;
    }

    /** The thumbnail of a playlist the caller may see, as the file servlet asks: its privacy, if it shows one. */
    public Optional<PlaylistPrivacy> thumbnailOf(Caller caller, UUID playlistUuid) {
        return playlists.findByUuid(playlistUuid).filter(playlist -> playlist.isVisibleTo(accountIdOf(caller)))
                .filter(playlist -> playlist.thumbnail() != null).map(Playlist::privacy);
    }

    private PageResult<ListedPlaylist> withLengths(PageResult<Playlist> page) {
        Map<Long, Long> lengths = playlists.lengths(page.items());
        return page.map(playlist -> new ListedPlaylist(playlist, lengths.getOrDefault(playlist.id(), 0L)));
    }

    private Video firstVideo(Playlist playlist) {
        return playlists.elementAt(playlist, 1).map(PlaylistElement::video).orElse(null);
    }

    private PlaylistElement element(Playlist playlist, long elementId) {
        return playlists.findElement(playlist, elementId)
                .orElseThrow(() -> DomainException.notFound("Video playlist element not found"));
    }

    private VideoChannel channel(PlaylistDraft draft) {
        if (draft.channelId() == null) {
            return null;
        }
        return channelRepository.find(draft.channelId())
                .orElseThrow(() -> DomainException.invalid("Unknown video channel " + draft.channelId()));
    }

    private Playlist find(String playlistId) {
        if (playlistId == null || playlistId.length() > 64) {
            throw DomainException.invalid("Incorrect playlist id");
        }
        return playlists.findByAnyId(playlistId).orElseThrow(() -> DomainException.notFound("Video playlist not found"));
    }

    private Playlist visible(Caller caller, String playlistId) {
        Playlist playlist = find(playlistId);
        if (!playlist.isVisibleTo(accountIdOf(caller))) {
            throw caller == null ? DomainException.unauthenticated("This playlist is private: log in as its owner", null)
                    : DomainException.forbidden("This playlist is private");
        }
        return playlist;
    }

    private Playlist managed(Caller caller, String playlistId) {
        Playlist playlist = find(playlistId);
        if (!playlist.isManagedBy(accountIdOf(caller))) {
            throw DomainException.forbidden("You may not change this playlist");
        }
        return playlist;
    }

    private Long accountIdOf(Caller caller) {
        return caller == null ? null : accountRepository.ofUser(caller.userId()).map(Account::id).orElse(null);
    }

    private Account accountOf(Caller caller) {
        return accountRepository.ofUser(caller.userId())
                .orElseThrow(() -> DomainException.unauthenticated("User no longer exists", "invalid_token"));
    }
}
