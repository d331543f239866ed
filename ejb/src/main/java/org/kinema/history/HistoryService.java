package org.kinema.history;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.kinema.account.Account;
import org.kinema.account.AccountRepository;
import org.kinema.account.Caller;
import org.kinema.account.User;
import org.kinema.account.UserRepository;
import org.kinema.platform.DomainException;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.video.ListedVideos;
import org.kinema.video.Video;
import org.kinema.video.VideoEvents;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A user's history of watched videos: kept while they want one, read, and forgotten on request. */
@Stateless
public class HistoryService {

    @Inject
    private HistoryRepository history;

    @Inject
    private UserRepository users;

    @Inject
    private AccountRepository accounts;

    /** A user is watching a video (the video feature checked they may): kept if they keep a history. */
    public void watching(@Observes VideoEvents.Watching event) {
        if (users.find(event.userId()).filter(User::videosHistoryEnabled).isPresent()) {
            history.record(event.userId(), event.videoId(), event.seconds());
        }
    }

    /** Where the caller stopped in the video, for the player to resume from; empty for anyone not logged in. */
    public Optional<Integer> positionOf(Caller caller, Video video) {
        return caller == null ? Optional.empty() : history.positionOf(caller.userId(), video.id());
    }

    /** The caller's history, last watched first, of the videos they may still find. */
    public PageResult<WatchedVideo> list(Caller caller, String search, Page page) {
        Long account = accounts.ofUser(caller.userId()).map(Account::id)
                .orElseThrow(() -> DomainException.unauthenticated("User no longer exists", "invalid_token"));
        String text = search == null || search.isBlank() ? null : search.trim();
        return history.page(caller.userId(), text, new ListedVideos(caller, account, true), page);
    }

    public void forget(Caller caller, long videoId) {
        history.remove(caller.userId(), videoId);
    }

    /** Forgets what the caller watched before a moment, or all of it when it is null. */
    public void forgetBefore(Caller caller, OffsetDateTime before) {
        history.removeBefore(caller.userId(), before);
    }
}
