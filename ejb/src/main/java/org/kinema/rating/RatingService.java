package org.kinema.rating;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.kinema.account.Account;
import org.kinema.account.AccountRepository;
import org.kinema.account.AccountService;
import org.kinema.account.Caller;
import org.kinema.platform.DomainException;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.video.ListedVideos;
import org.kinema.video.Video;
import org.kinema.video.VideoService;

/** Liking and disliking videos one may watch, and the lists of an account's ratings, as PeerTube has them. */
@Stateless
public class RatingService {

    @Inject
    private VideoService videos;

    @Inject
    private RatingRepository ratings;

    @Inject
    private AccountService accounts;

    @Inject
    private AccountRepository accountRepository;

    @Inject
    private Event<RatingEvents.Rated> rated;

    /** The caller likes, dislikes or stops rating ({@link RatingType#NONE}) a video they may watch. */
    public void rate(Caller caller, String videoId, String videoPassword, RatingType type) {
        Video video = videos.get(caller, videoId, videoPassword);
        Account account = accountOf(caller);
        RatingType before = ratings.rate(account, video, type, type == RatingType.NONE ? null : Rating.urlOf(account, video, type));
        if (before != type) {
            rated.fire(new RatingEvents.Rated(video.id(), account.id(), before, type));
        }
    }

    /** The caller's rating of a video they may watch. */
    public RatedVideo ratingOf(Caller caller, String videoId, String videoPassword) {
        Video video = videos.get(caller, videoId, videoPassword);
        return new RatedVideo(video, ratings.of(accountOf(caller), video));
    }

    /**
     * The ratings of an account, for its owner only (as PeerTube restricts them), of the videos they
     * may still find ({@link org.kinema.video.VideoAccess#isListedTo}).
     */
    public PageResult<Rating> listOf(Caller caller, String accountHandle, RatingType type, Page page) {
        Account account = accounts.get(accountHandle);
        Account own = accountOf(caller);
        if (!own.id().equals(account.id())) {
            throw DomainException.forbidden("Only the owner of this account can list its ratings");
        }
        return ratings.ofAccount(account, type, new ListedVideos(caller, own.id(), true), page);
    }

    private Account accountOf(Caller caller) {
        return accountRepository.ofUser(caller.userId())
                .orElseThrow(() -> DomainException.unauthenticated("User no longer exists", "invalid_token"));
    }

    /** A video and the caller's rating of it. */
    public record RatedVideo(Video video, RatingType type) {
    }
}
